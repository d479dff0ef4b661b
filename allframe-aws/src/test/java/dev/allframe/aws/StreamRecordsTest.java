package dev.allframe.aws;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the DynamoDB Streams door receives: the table's stream (read through dynoxide's Streams API) carries one
 * INSERT per event with the shared item schema in its new image, and the store's own items only under {@code $}
 * partition keys, so the door can decode the former and skip the latter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamRecordsTest {
    @Test
    void eachAppendedEventIsOneInsertRecordCarryingTheSharedSchemaAndBookkeepingIsUnderDollarKeys() {
        try (DynamoDbClient client = StandIns.dynamoDb();
             DynamoDbStreamsClient streams = StandIns.dynamoDbStreams()) {
            String table = StandIns.newTable(client);
            AwsStores stores = AwsStores.create(client, table, null, null);
            Instant before = Instant.now().minusSeconds(1);
            stores.events().append("order-1", List.of(
                    new EventData("OrderCreated", "{\"id\":\"order-1\"}".getBytes(StandardCharsets.UTF_8),
                            Metadata.of("correlation-id", "c-1")),
                    new EventData("ItemAdded", "{\"sku\":\"apple\"}".getBytes(StandardCharsets.UTF_8), null)),
                    ExpectedVersion.noStream());
            stores.events().append("order-2", List.of(new EventData("OrderCreated",
                    "{\"id\":\"order-2\"}".getBytes(StandardCharsets.UTF_8), null)), ExpectedVersion.noStream());
            stores.checkpoints().save("summary", 3);

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
            List<Map<String, AttributeValue>> events = new ArrayList<>();
            List<String> bookkeeping = new ArrayList<>();
            for (Record r : records) {
                Map<String, AttributeValue> image = r.dynamodb().newImage();
                String pk = image.get("PK").s();
                if (pk.startsWith("$")) {
                    bookkeeping.add(pk);
                } else {
                    assertThat(r.eventNameAsString()).isEqualTo("INSERT");
                    events.add(image);
                }
            }
            assertThat(events).extracting(i -> i.get("PK").s() + "/" + i.get("SK").s() + "/"
                            + i.get("event_type").s() + "/" + i.get("payload").s() + "/" + i.get("global_position").n())
                    .containsExactly(
                            "order-1/00000000000000000001/OrderCreated/{\"id\":\"order-1\"}/1",
                            "order-1/00000000000000000002/ItemAdded/{\"sku\":\"apple\"}/2",
                            "order-2/00000000000000000001/OrderCreated/{\"id\":\"order-2\"}/3");
            assertThat(events.get(0).get("metadata").s()).isEqualTo("{\"correlation-id\":\"c-1\"}");
            assertThat(events.get(1).get("metadata").s()).isEqualTo("{}");
            assertThat(Instant.parse(events.get(0).get("timestamp").s())).isAfter(before);
            assertThat(bookkeeping).containsOnly("$global", "$checkpoint#summary").contains("$checkpoint#summary");
            client.deleteTable(b -> b.tableName(table));
        }
    }
}
