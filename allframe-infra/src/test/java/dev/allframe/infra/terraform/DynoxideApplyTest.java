package dev.allframe.infra.terraform;

import dev.allframe.aws.DynamoDbEventStoreBackend;
import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.infra.internal.MiniJson;
import dev.allframe.testkit.FreePort;
import dev.allframe.testkit.TerraformCli;
import dev.allframe.testkit.Tools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code terraform apply} of the generated event table against dynoxide (a real DynamoDB stand-in on loopback),
 * then the table as DynamoDB describes it: the schema the event store relies on is what was created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynoxideApplyTest {
    static final String PACKAGE = "@dynoxide/linux-x64@1.2.1";

    @TempDir
    static Path dir;
    Process dynoxide;
    int port;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void applyTheTable() throws Exception {
        TerraformCli tf = TerraformCli.require("apply the generated event table against dynoxide");
        Path mirror = TerraformCli.requireAwsMirror();
        startDynoxide();
        Terraform.write(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL,
                Example.SOURCE), dir);
        // dynoxide lacks UpdateContinuousBackups, so only for this stand-in PITR is overridden off (the plan test
        // checks that the generated module turns it on).
        Files.writeString(dir.resolve("dynoxide_override.tf"), """
                provider "aws" {
                  access_key                  = "test"
                  secret_key                  = "test"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  skip_region_validation      = true

                  endpoints {
                    dynamodb = "http://127.0.0.1:%d"
                  }
                }

                resource "aws_dynamodb_table" "events" {
                  point_in_time_recovery {
                    enabled = false
                  }
                }
                """.formatted(port));
        Files.write(dir.resolve("function.zip"), new byte[] {'P', 'K'});
        tf.run(dir, "init", "-backend=false", "-input=false", "-plugin-dir=" + mirror);
        tf.run(dir, "apply", "-auto-approve", "-input=false", "-lock=false", "-no-color",
                "-target=aws_dynamodb_table.events", "-var", "artifact_path=function.zip");
    }

    private void startDynoxide() throws IOException, InterruptedException {
        Path npm = Tools.require("npm", "install the dynoxide DynamoDB stand-in (" + PACKAGE + ")");
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "allframe-npm", "dynoxide-1.2.1");
        Path binary = cache.resolve("node_modules/@dynoxide/linux-x64/dynoxide");
        if (!Files.isExecutable(binary)) {
            Files.createDirectories(cache);
            Process p = new ProcessBuilder(npm.toString(), "install", "--prefix", cache.toString(), "--no-audit",
                    "--no-fund", "--loglevel=error", PACKAGE).redirectErrorStream(true)
                    .redirectOutput(cache.resolve("npm.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isExecutable(binary)) {
                p.destroyForcibly();
                Tools.unavailable("npm could not install " + PACKAGE + ": "
                        + Files.readString(cache.resolve("npm.log")));
            }
        }
        port = FreePort.pick();
        Path log = dir.resolve("dynoxide.log");
        dynoxide = new ProcessBuilder(binary.toString(), "serve", "--host", "127.0.0.1", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(log).contains("listening")) {
            if (!dynoxide.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("dynoxide did not start: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    @AfterAll
    void stopDynoxide() throws Exception {
        TerraformCli.removeWorkingFiles(dir);
        if (dynoxide != null) {
            dynoxide.destroy();
            if (!dynoxide.waitFor(5, TimeUnit.SECONDS)) {
                dynoxide.destroyForcibly().waitFor();
            }
        }
    }

    /** A DynamoDB JSON call; dynoxide requires a SigV4-shaped Authorization header but does not verify it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String operation, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=0")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (Map<String, Object>) MiniJson.parse(response.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void applied_table_has_the_event_store_keys_index_and_stream() throws Exception {
        Map<String, Object> table = (Map<String, Object>) call("DescribeTable", "{\"TableName\":\"orders-events\"}")
                .get("Table");
        assertThat(table.get("KeySchema")).isEqualTo(List.of(
                Map.of("AttributeName", "PK", "KeyType", "HASH"), Map.of("AttributeName", "SK", "KeyType", "RANGE")));
        assertThat((List<Object>) table.get("AttributeDefinitions")).containsExactlyInAnyOrder(
                Map.of("AttributeName", "PK", "AttributeType", "S"),
                Map.of("AttributeName", "SK", "AttributeType", "S"),
                Map.of("AttributeName", "time_bucket", "AttributeType", "S"),
                Map.of("AttributeName", "timestamp", "AttributeType", "S"));
        Map<String, Object> gsi = ((List<Map<String, Object>>) table.get("GlobalSecondaryIndexes")).getFirst();
        assertThat(gsi.get("IndexName")).isEqualTo("by-timestamp");
        assertThat(gsi.get("KeySchema")).isEqualTo(List.of(Map.of("AttributeName", "time_bucket", "KeyType", "HASH"),
                Map.of("AttributeName", "timestamp", "KeyType", "RANGE")));
        assertThat(((Map<String, Object>) gsi.get("Projection")).get("ProjectionType")).isEqualTo("ALL");
        assertThat(table.get("StreamSpecification")).isEqualTo(Map.of("StreamEnabled", true,
                "StreamViewType", "NEW_AND_OLD_IMAGES"));
        assertThat(table.get("LatestStreamArn").toString()).startsWith(table.get("TableArn") + "/stream/");
    }

    @Test
    @SuppressWarnings("unchecked")
    void applied_table_expires_idempotency_records_by_ttl() throws Exception {
        Map<String, Object> ttl = (Map<String, Object>) call("DescribeTimeToLive", "{\"TableName\":\"orders-events\"}")
                .get("TimeToLiveDescription");
        assertThat(ttl).containsEntry("AttributeName", "expires_at").containsEntry("TimeToLiveStatus", "ENABLED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void applied_table_accepts_a_conditional_event_append_and_returns_it_by_stream_id() throws Exception {
        String item = "{\"PK\":{\"S\":\"order-1\"},\"SK\":{\"S\":\"00000000000000000001\"},"
                + "\"event_type\":{\"S\":\"OrderCreated\"},\"payload\":{\"S\":\"{}\"},"
                + "\"time_bucket\":{\"S\":\"2026-01-01T00\"},\"timestamp\":{\"S\":\"2026-01-01T00:00:00Z\"}}";
        call("PutItem", "{\"TableName\":\"orders-events\",\"Item\":" + item
                + ",\"ConditionExpression\":\"attribute_not_exists(PK)\"}");
        Map<String, Object> q = call("Query", "{\"TableName\":\"orders-events\",\"KeyConditionExpression\":"
                + "\"PK = :s\",\"ExpressionAttributeValues\":{\":s\":{\"S\":\"order-1\"}}}");
        assertThat(q.get("Count")).isEqualTo(1L);
        Map<String, Object> byTime = call("Query", "{\"TableName\":\"orders-events\",\"IndexName\":\"by-timestamp\","
                + "\"KeyConditionExpression\":\"time_bucket = :b\","
                + "\"ExpressionAttributeValues\":{\":b\":{\"S\":\"2026-01-01T00\"}}}");
        assertThat((List<Object>) byTime.get("Items")).hasSize(1);
    }

    private static EventData event(String type, String n) {
        return new EventData(type, ("{\"n\":\"" + n + "\"}").getBytes(StandardCharsets.UTF_8),
                Metadata.of("correlation-id", n));
    }

    /**
     * The proof that the generated schema and the code agree: the real event store, pointed at the table Terraform
     * created (nothing created by the store itself), appends, detects a conflict, reads a stream and reads all events
     * in global order through the index the Terraform declared.
     */
    @Test
    void the_dynamodb_event_store_works_on_the_applied_table() {
        List<String> indexesQueried = new CopyOnWriteArrayList<>();
        ExecutionInterceptor recordIndexes = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof QueryRequest q && q.indexName() != null) {
                    indexesQueried.add(q.indexName());
                }
            }
        };
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recordIndexes)).build();
        try (DynamoDbEventStoreBackend store = DynamoDbEventStoreBackend.create(client, "orders-events", true)) {
            List<RecordedEvent> first = store.append("store-order-1", List.of(event("OrderCreated", "a")),
                    ExpectedVersion.noStream());
            List<RecordedEvent> more = store.append("store-order-1",
                    List.of(event("ItemAdded", "b"), event("ItemAdded", "c")), ExpectedVersion.exactly(1));
            store.append("store-order-2", List.of(event("OrderCreated", "d")), ExpectedVersion.noStream());

            assertThat(first).extracting(RecordedEvent::version).containsExactly(1L);
            assertThat(more).extracting(RecordedEvent::version).containsExactly(2L, 3L);
            assertThatThrownBy(() -> store.append("store-order-1", List.of(event("ItemAdded", "stale")),
                    ExpectedVersion.exactly(1)))
                    .isInstanceOfSatisfying(ConcurrencyConflictException.class,
                            e -> assertThat(e.actual()).isEqualTo(3));

            List<RecordedEvent> stream = store.read("store-order-1", 1);
            assertThat(stream).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
            assertThat(stream).extracting(RecordedEvent::type)
                    .containsExactly("OrderCreated", "ItemAdded", "ItemAdded");
            assertThat(stream.get(1).payload()).asString(StandardCharsets.UTF_8).isEqualTo("{\"n\":\"b\"}");
            assertThat(stream.get(2).metadata()).isEqualTo(Metadata.of("correlation-id", "c"));
            assertThat(store.version("store-order-1")).isEqualTo(3);

            indexesQueried.clear();
            List<RecordedEvent> all = store.readAll(1, 100);
            assertThat(all).extracting(e -> e.streamId() + "@" + e.version())
                    .containsExactly("store-order-1@1", "store-order-1@2", "store-order-1@3", "store-order-2@1");
            assertThat(all).extracting(RecordedEvent::globalPosition).containsExactly(1L, 2L, 3L, 4L);
            assertThat(store.readAll(3, 100)).extracting(RecordedEvent::globalPosition).containsExactly(3L, 4L);
            assertThat(indexesQueried).isNotEmpty().containsOnly("by-timestamp");
        }
    }
}
