package dev.allframe.aws;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.http.Router;
import dev.allframe.json.JsonStrings;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.events.EventSources;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.testkit.eventstore.SampleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Global order mode {@code streams} end to end on the read side: the INSERT records dynoxide's Streams API gives
 * for an append carry no {@code global_position}, and the DynamoDB Streams door still decodes them in the shared
 * schema and pushes them to the projections (global position 0), which is how that mode drives projections.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamsModeDoorTest {
    @Test
    void insertRecordsWithoutAGlobalPositionStillReachTheProjectionsThroughTheStreamsDoor() {
        try (DynamoDbClient client = StandIns.dynamoDb();
             DynamoDbStreamsClient streams = StandIns.dynamoDbStreams()) {
            String table = StandIns.newTable(client);
            AwsStores stores = AwsStores.create(client, table, null, null, GlobalOrder.STREAMS);
            EventStore<SampleEvent> store = EventStore.create(stores.events(), SampleEvent.types());
            store.append("acc-1", List.of(new SampleEvent.Deposited("acc-1", 5, "EUR"),
                    new SampleEvent.Withdrawn("acc-1", 2)), ExpectedVersion.noStream());
            store.append("acc-2", List.of(new SampleEvent.Deposited("acc-2", 9, "EUR")), ExpectedVersion.noStream());

            List<Record> records = records(client, streams, table);
            assertThat(records).hasSize(3).allSatisfy(r -> {
                assertThat(r.eventNameAsString()).isEqualTo("INSERT");
                assertThat(r.dynamodb().newImage()).doesNotContainKeys("global_position", "time_bucket");
            });

            List<StoredEvent<SampleEvent>> projected = new CopyOnWriteArrayList<>();
            ProjectionRegistry<SampleEvent> projections = ProjectionRegistry.builder(store, CheckpointStore.inMemory())
                    .register("log", projected::add).build();
            AllFrameHandler handler = AllFrameHandler.of(() -> Router.builder().build(),
                    () -> EventSources.builder().projections(store, projections).build());
            String answer = new String(handler.handle(lambdaEvent(records).getBytes(StandardCharsets.UTF_8), null),
                    StandardCharsets.UTF_8);

            assertThat(answer).isEqualTo("{\"batchItemFailures\":[]}");
            assertThat(projected).extracting(e -> e.streamId() + "@" + e.version() + "#" + e.globalPosition())
                    .containsExactly("acc-1@1#0", "acc-1@2#0", "acc-2@1#0");
            assertThat(projected).extracting(StoredEvent::event).containsExactly(
                    new SampleEvent.Deposited("acc-1", 5, "EUR"), new SampleEvent.Withdrawn("acc-1", 2),
                    new SampleEvent.Deposited("acc-2", 9, "EUR"));
            client.deleteTable(b -> b.tableName(table));
        }
    }

    private static List<Record> records(DynamoDbClient client, DynamoDbStreamsClient streams, String table) {
        String arn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Record> records = new ArrayList<>();
        for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
            String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            for (int page = 0; iterator != null && page < 20; page++) {
                String current = iterator;
                GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
                records.addAll(r.records());
                iterator = r.records().isEmpty() ? null : r.nextShardIterator();
            }
        }
        return records;
    }

    /** The records as Lambda delivers them to a function subscribed to the table's stream. */
    private static String lambdaEvent(List<Record> records) {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            json.append(i == 0 ? "" : ",").append("{\"eventID\":").append(JsonStrings.quote(r.eventID()))
                    .append(",\"eventName\":").append(JsonStrings.quote(r.eventNameAsString()))
                    .append(",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{")
                    .append("\"SequenceNumber\":").append(JsonStrings.quote(r.dynamodb().sequenceNumber()))
                    .append(",\"StreamViewType\":").append(JsonStrings.quote(r.dynamodb().streamViewTypeAsString()))
                    .append(",\"Keys\":").append(image(r.dynamodb().keys()))
                    .append(",\"NewImage\":").append(image(r.dynamodb().newImage()))
                    .append("},\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/s\"}");
        }
        return json.append("]}").toString();
    }

    private static String image(Map<String, AttributeValue> image) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, AttributeValue> e : image.entrySet()) {
            AttributeValue v = e.getValue();
            String typed = v.s() != null ? "{\"S\":" + JsonStrings.quote(v.s()) + "}"
                    : v.n() != null ? "{\"N\":" + JsonStrings.quote(v.n()) + "}"
                    : "{\"B\":" + JsonStrings.quote(java.util.Base64.getEncoder().encodeToString(
                            v.b().asByteArray())) + "}";
            json.append(json.length() > 1 ? "," : "").append(JsonStrings.quote(e.getKey())).append(':').append(typed);
        }
        return json.append('}').toString();
    }
}
