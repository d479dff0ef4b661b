package dev.allframe.examples.orders;

import dev.allframe.testkit.aws.Dynoxide;
import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import dev.allframe.testkit.lambda.TaskRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.allframe.examples.orders.OrdersLambdaIT.JVM;
import static dev.allframe.examples.orders.OrdersLambdaIT.ZIP;
import static dev.allframe.examples.orders.OrdersLambdaIT.event;
import static dev.allframe.examples.orders.OrdersLambdaIT.invoke;
import static dev.allframe.examples.orders.OrdersLambdaIT.json;
import static dev.allframe.examples.orders.OrdersLambdaIT.runtimeClassPath;
import static dev.allframe.examples.orders.OrdersLambdaIT.unzip;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on DynamoDB: the Lambda zip, launched by the official runtime interface client against the Runtime API
 * emulator with {@code EVENT_TABLE} naming a table on dynoxide, appends orders ({@code orders-http}); the table's
 * records, read back through dynoxide's DynamoDB Streams API, are wrapped into the event Lambda delivers for a stream
 * and invoked on the Streams door of the {@code orders-events} function, which updates its order summaries. Also:
 * without {@code EVENT_TABLE} the HTTP function loads no AWS SDK class at all.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OrdersOnDynamoDbLambdaIT {
    /** Started by the test that needs it (without npm it is skipped, or fails under ALLFRAME_REQUIRE_TOOLS=1). */
    private Dynoxide dynoxide;
    private DynamoDbClient dynamoDb;

    @TempDir
    Path tmp;

    @AfterEach
    void stopDynoxide() {
        if (dynamoDb != null) {
            dynamoDb.close();
        }
        if (dynoxide != null) {
            dynoxide.close();
        }
    }

    private LambdaProcess.Builder function(RuntimeApiEmulator emulator, String name, Class<?> handler,
                                           List<String> jvmOptions) throws IOException {
        TaskRoot root = new TaskRoot(runtimeClassPath(), unzip(ZIP, tmp.resolve("task-" + name)));
        return LambdaProcess.builder(emulator).taskRoot(root).jvmOptions(jvmOptions).ric(handler.getName());
    }

    /** The environment of a function on dynoxide: the SDK's own endpoint variable, dummy credentials. */
    private LambdaProcess.Builder onDynoxide(LambdaProcess.Builder b, String table) {
        return b.env("EVENT_TABLE", table).env("ALLFRAME_CREATE_TABLES", "true")
                .env("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString())
                .env("AWS_ACCESS_KEY_ID", "test").env("AWS_SECRET_ACCESS_KEY", "test")
                .env("AWS_SESSION_TOKEN", "test");
    }

    @Test
    void ordersAppendedOnDynamoDbReachTheSummariesThroughTheTableStreamAndTheStreamsDoor() throws Exception {
        dynoxide = Dynoxide.start();
        dynamoDb = DynamoDbClient.builder().endpointOverride(dynoxide.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        String table = "orders-e2e-" + ProcessHandle.current().pid();
        String emptyTable = table + "-b";
        Path classLog = tmp.resolve("classes-dynamodb.log");
        List<String> logged = new ArrayList<>(JVM);
        logged.add("-Xlog:class+load=info:file=" + classLog);
        String first;
        String second;
        String streamEvent;
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders-http");
             LambdaProcess a = onDynoxide(function(emulator, "a", OrdersLambda.class, logged), table).start()) {
            first = created(invoke(emulator, a, event("POST", "/orders", "{\"customerId\":\"c-1\"}")));
            assertThat(status(invoke(emulator, a, event("POST", first + "/items",
                    "{\"sku\":\"apple\",\"quantity\":3,\"unitPriceCents\":150}")))).isEqualTo(200);
            assertThat(status(invoke(emulator, a, event("POST", first + "/submit", null)))).isEqualTo(200);
            second = created(invoke(emulator, a, event("POST", "/orders", "{\"customerId\":\"c-2\"}")));

            // The events are in the table the function was given (stream "order-ID"), as items of the shared schema.
            assertThat(dynamoDb.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "order-" + first.substring("/orders/".length()))))).items())
                    .extracting(i -> i.get("event_type").s())
                    .containsExactly("OrderCreated", "ItemAdded", "OrderSubmitted");

            List<Record> records = streamRecords(table);
            assertThat(records).filteredOn(r -> !r.dynamodb().newImage().get("PK").s().startsWith("$"))
                    .hasSize(4);
            streamEvent = StreamEvents.lambdaEvent(records, streamArn(table));
            assertSummaries(emulator, a, first, second);
            // The SDK logs through SLF4J, bound to System.Logger: no "no binding" warning on the function's output.
            assertThat(a.output()).doesNotContain("SLF4J");
        }
        // The table's stream goes to the orders-events function (@Subscribes(stream = "events")): on the same
        // table its Streams door applies the batch (the summaries skip what they already hold) and its routes
        // serve the summaries.
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders-events");
             LambdaProcess b = onDynoxide(function(emulator, "b", OrdersEventsLambda.class, JVM), table).start()) {
            InvocationResult pushed = invoke(emulator, b, streamEvent);
            assertThat(pushed.body()).as(b.output()).isEqualTo("{\"batchItemFailures\":[]}");
            assertSummaries(emulator, b, first, second);
        }
        // Positive control for the class-loading check below: on DynamoDB the SDK's client is loaded.
        assertThat(Files.readString(classLog)).contains("software.amazon.awssdk.services.dynamodb.DynamoDbClient ");

        // A second execution environment on a table holding no events: nothing can reach its summaries from the
        // table, so what it serves after the stream batch came through the Streams door alone.
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders-events");
             LambdaProcess c = onDynoxide(function(emulator, "c", OrdersEventsLambda.class, JVM), emptyTable)
                     .start()) {
            assertThat(status(invoke(emulator, c, event("GET", first, null)))).isEqualTo(404);
            InvocationResult pushed = invoke(emulator, c, streamEvent);
            assertThat(pushed.body()).as(c.output()).isEqualTo("{\"batchItemFailures\":[]}");
            assertSummaries(emulator, c, first, second);
        }
    }

    @Test
    void withoutEventTableTheFunctionLoadsNoAwsSdkClassAndNoEventSourceDoor() throws Exception {
        Path classLog = tmp.resolve("classes-memory.log");
        List<String> logged = new ArrayList<>(JVM);
        logged.add("-Xlog:class+load=info:file=" + classLog);
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders-http");
             LambdaProcess memory = function(emulator, "memory", OrdersLambda.class, logged).start()) {
            String order = created(invoke(emulator, memory, event("POST", "/orders", "{\"customerId\":\"c-1\"}")));
            assertThat(status(invoke(emulator, memory, event("GET", order, null)))).isEqualTo(200);
        }
        List<String> loaded = Files.readAllLines(classLog, StandardCharsets.UTF_8);
        assertThat(loaded).as("the class log is written").anyMatch(l -> l.contains(OrdersLambda.class.getName()));
        // The runtime interface client's own utils-lite (software.amazon.awssdk.utilslite) is the runtime's, not ours.
        assertThat(loaded).filteredOn(l -> l.contains(" software.amazon.awssdk.")
                        && !l.contains(" software.amazon.awssdk.utilslite."))
                .as("AWS SDK classes loaded without EVENT_TABLE").isEmpty();
        assertThat(loaded).filteredOn(l -> l.contains(" dev.allframe.aws.") || l.contains("DynamoDbStores")
                        || l.contains(" dev.allframe.lambda.events."))
                .as("AllFrame AWS stores or event-source doors loaded without EVENT_TABLE").isEmpty();
    }

    private static void assertSummaries(RuntimeApiEmulator emulator, LambdaProcess function, String first,
                                        String second) {
        Map<String, Object> one = summary(invoke(emulator, function, event("GET", first, null)));
        assertThat(one).containsEntry("customerId", "c-1").containsEntry("status", "SUBMITTED");
        assertThat(((Number) one.get("totalCents")).longValue()).isEqualTo(450);
        assertThat((List<?>) one.get("items")).hasSize(1);
        Map<String, Object> two = summary(invoke(emulator, function, event("GET", second, null)));
        assertThat(two).containsEntry("customerId", "c-2").containsEntry("status", "OPEN");
    }

    private static String created(InvocationResult r) {
        Map<String, Object> doc = json(r.body());
        assertThat(((Number) doc.get("statusCode")).intValue()).as(r.body()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) doc.get("headers");
        return (String) headers.get("location");
    }

    private static int status(InvocationResult r) {
        return ((Number) json(r.body()).get("statusCode")).intValue();
    }

    private static Map<String, Object> summary(InvocationResult r) {
        Map<String, Object> doc = json(r.body());
        assertThat(((Number) doc.get("statusCode")).intValue()).as(r.body()).isEqualTo(200);
        return json((String) doc.get("body"));
    }

    private String streamArn(String table) {
        return dynamoDb.describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    /** Every record of the table's stream, shard by shard from the oldest, through the Streams API. */
    private List<Record> streamRecords(String table) {
        String arn = streamArn(table);
        List<Record> records = new ArrayList<>();
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(dynoxide.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            for (Shard shard : streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(arn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                for (int page = 0; iterator != null && page < 50; page++) {
                    String current = iterator;
                    GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(current));
                    records.addAll(r.records());
                    iterator = r.records().isEmpty() ? null : r.nextShardIterator();
                }
            }
        }
        return records;
    }
}
