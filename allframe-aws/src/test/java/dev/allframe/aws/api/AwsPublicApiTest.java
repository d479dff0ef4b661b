package dev.allframe.aws.api;

import dev.allframe.aws.AwsStores;
import dev.allframe.aws.DynamoDbEventStoreBackend;
import dev.allframe.aws.DynamoDbSchema;
import dev.allframe.aws.DynamoDbTables;
import dev.allframe.aws.GlobalOrder;
import dev.allframe.aws.S3SnapshotStore;
import dev.allframe.eventstore.BackendCapabilities;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the module's whole public API from outside its package, so an API break fails compilation. What needs no
 * AWS service runs (the clients point at a closed port and send nothing); what talks to DynamoDB or S3 is in
 * {@link #everyCall}, compiled but not run (the module's other tests run it against the stand-ins).
 */
class AwsPublicApiTest {
    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");

    private static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    private static S3Client s3() {
        return S3Client.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @Test
    void theEventStoreBackendSaysWhatEachGlobalOrderModeCanDo() {
        try (DynamoDbClient client = dynamoDb()) {
            DynamoDbEventStoreBackend counter = DynamoDbEventStoreBackend.create(client, "events");
            assertThat(counter.table()).isEqualTo("events");
            assertThat(counter.globalOrder()).isEqualTo(GlobalOrder.COUNTER);
            assertThat(counter.maxEvents()).isEqualTo(DynamoDbEventStoreBackend.MAX_EVENTS);
            assertThat(counter.capabilities()).isEqualTo(BackendCapabilities.all());

            EventStoreBackend streams = DynamoDbEventStoreBackend.create(client, "events", false, GlobalOrder.STREAMS);
            assertThat(((DynamoDbEventStoreBackend) streams).maxEvents())
                    .isEqualTo(DynamoDbEventStoreBackend.MAX_EVENTS_WITHOUT_COUNTER);
            assertThat(streams.capabilities().globalOrder()).isFalse();
            assertThat(streams.capabilities().reason()).contains(GlobalOrder.VARIABLE + "=counter");
            DynamoDbEventStoreBackend.create(client, "events", false).close();
        }
    }

    @Test
    void storesSnapshotsModesAndSchemaNamesAreReachable() {
        assertThat(GlobalOrder.parse(null)).isEqualTo(GlobalOrder.COUNTER);
        assertThat(GlobalOrder.parse("streams")).isEqualTo(GlobalOrder.STREAMS);
        assertThat(GlobalOrder.STREAMS.value()).isEqualTo("streams");
        assertThat(AwsStores.selectedTable(Map.of("EVENT_TABLE", "orders"))).contains("orders");
        assertThat(AwsStores.SCHEME).isEqualTo("dynamodb:");
        assertThat(DynamoDbSchema.sortKey(7)).endsWith("7");
        assertThat(DynamoDbSchema.bucket(250)).isNotBlank();
        assertThat(DynamoDbSchema.timestamp(Instant.EPOCH)).isNotBlank();
        assertThat(String.join(",", DynamoDbSchema.PK, DynamoDbSchema.SK, DynamoDbSchema.EVENT_TYPE,
                DynamoDbSchema.PAYLOAD, DynamoDbSchema.PAYLOAD_BYTES, DynamoDbSchema.METADATA, DynamoDbSchema.TIMESTAMP,
                DynamoDbSchema.GLOBAL_POSITION, DynamoDbSchema.TIME_BUCKET, DynamoDbSchema.INDEX,
                DynamoDbSchema.EXPIRES_AT, DynamoDbSchema.RESERVED_PREFIX, DynamoDbSchema.COUNTER_KEY,
                DynamoDbSchema.COUNTER_HEAD)).isNotBlank();
        assertThat(DynamoDbSchema.BUCKET_SIZE).isPositive();

        try (S3Client s3 = s3()) {
            S3SnapshotStore snapshots = S3SnapshotStore.create(s3, "bucket");
            SnapshotStore asRole = snapshots;
            assertThat(snapshots.bucket()).isEqualTo("bucket");
            assertThat(snapshots.key("order-1")).isEqualTo(S3SnapshotStore.DEFAULT_PREFIX + "order-1");
            assertThat(S3SnapshotStore.create(s3, "bucket", "app/").key("o")).isEqualTo("app/o");
            assertThat(asRole).isNotNull();
        }
        try (AwsStores stores = AwsStores.create(dynamoDb(), "events", null, null)) {
            Stores asRole = stores;
            assertThat(stores.table()).isEqualTo("events");
            assertThat(stores.url()).startsWith(AwsStores.SCHEME);
            assertThat(stores.events()).isInstanceOf(DynamoDbEventStoreBackend.class);
            assertThat(asRole.events().capabilities().globalOrder()).isTrue();
        }
        try (AwsStores stores = AwsStores.create(dynamoDb(), "events", null, null, GlobalOrder.STREAMS)) {
            assertThat(stores.events().capabilities().globalOrder()).isFalse();
        }
    }

    @SuppressWarnings("unused")
    static void everyCall(AwsStores stores) {
        Optional<AwsStores> fromEnvironment = AwsStores.fromEnvironment();
        Optional<AwsStores> fromMap = AwsStores.fromEnvironment(Map.of());
        DynamoDbClient dynamoDb = AwsStores.dynamoDbClient();
        S3Client s3 = AwsStores.s3Client();
        boolean created = DynamoDbTables.create(dynamoDb, "events");
        SnapshotStore snapshots = stores.snapshots();
        CheckpointStore checkpoints = stores.checkpoints();
        DeadLetterStore deadLetters = stores.deadLetters();
        SagaStore sagas = stores.sagas();
        IdempotencyStore idempotency = stores.idempotency();
        IdempotencyStore clocked = stores.idempotency(Clock.systemUTC());
        DynamoDbClient client = stores.dynamoDb();
    }
}
