package dev.allframe.aws;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.idempotency.Claim;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stores that live in the event table beside the events, without S3. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DynamoDbTableStoresTest {
    private DynamoDbClient client;
    private String table;
    private AwsStores stores;

    @BeforeEach
    void open() {
        client = StandIns.dynamoDb();
        table = StandIns.newTable(client);
        stores = AwsStores.create(client, table, null, null);
    }

    @AfterEach
    void close() {
        client.deleteTable(b -> b.tableName(table));
        stores.close();
    }

    @Test
    void servesEveryStoreThroughTheStoresInterfaceAllInTheOneTable() {
        Stores generic = stores;
        generic.events().append("s-1", List.of(new EventData("Tick", "{}".getBytes(StandardCharsets.UTF_8), null)),
                ExpectedVersion.noStream());
        generic.checkpoints().save("p", 1);
        assertThat(generic.idempotency().claim("sqs:m1", Duration.ofSeconds(30)).acquired()).isTrue();
        assertThat(generic.idempotency().claim("sqs:m1", Duration.ofSeconds(30)).status())
                .isEqualTo(Claim.Status.IN_PROGRESS);
        assertThat(generic.idempotency()).isSameAs(generic.idempotency());
        assertThat(generic.url()).isEqualTo("dynamodb:" + table);
        assertThat(client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(DynamoDbSchema.key("$idempotency#sqs:m1", "$"))).hasItem()).isTrue();
    }

    @Test
    void snapshotsInTheTableKeepTheNewestUnderConcurrentWriters() throws Exception {
        SnapshotStore snapshots = stores.snapshots();
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        List<Long> versions = new ArrayList<>();
        for (long v = 1; v <= 30; v++) {
            versions.add(v);
        }
        Collections.shuffle(versions, new java.util.Random(3));
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> done = new ArrayList<>();
            for (long v : versions) {
                done.add(pool.submit(() -> snapshots.save(new Snapshot("acc", v,
                        ("{\"v\":" + v + "}").getBytes(StandardCharsets.UTF_8), t))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        Snapshot s = snapshots.load("acc").orElseThrow();
        assertThat(s.version()).isEqualTo(30);
        assertThat(new String(s.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":30}");
        assertThat(s.timestamp()).isEqualTo(t);
        assertThat(snapshots.load("other")).isEmpty();
        // Bookkeeping items never show up as events.
        assertThat(stores.events().readAll(1, 10)).isEmpty();
        assertThat(stores.events().version("acc")).isZero();
    }

    @Test
    void checkpointsRejectBadInputClearly() {
        assertThatThrownBy(() -> stores.checkpoints().save("p", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected >= 0");
        assertThatThrownBy(() -> stores.checkpoints().load(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void aMissingTableIsAClearErrorNamingIt() {
        DynamoDbEventStoreBackend missing = DynamoDbEventStoreBackend.create(client, "no-such-table");
        assertThatThrownBy(() -> missing.version("s")).isInstanceOf(dev.allframe.eventstore.EventStoreException.class)
                .hasMessageContaining("'no-such-table'");
        assertThatThrownBy(() -> missing.append("s", List.of(new dev.allframe.eventstore.EventData("A",
                        "{}".getBytes(StandardCharsets.UTF_8), null)), dev.allframe.eventstore.ExpectedVersion.noStream()))
                .isInstanceOf(dev.allframe.eventstore.EventStoreException.class)
                .hasMessageContaining("'no-such-table'");
    }
}
