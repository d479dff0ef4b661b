package dev.allframe.aws;

import dev.allframe.testkit.aws.S3Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Zero-config selection: the environment chooses DynamoDB (or not), and the SDK's endpoint variables are honoured. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AwsStoresTest {
    @Test
    void selectsDynamoDbFromAStoreUrlOrEventTableAndNothingOtherwise() {
        assertThat(AwsStores.selectedTable(Map.of())).isEmpty();
        assertThat(AwsStores.selectedTable(Map.of("EVENT_TABLE", "orders-events"))).contains("orders-events");
        assertThat(AwsStores.selectedTable(Map.of("ALLFRAME_STORE", "dynamodb:table-1", "EVENT_TABLE", "table-2")))
                .contains("table-1");
        // Another module's store URL wins over EVENT_TABLE: the user chose explicitly.
        assertThat(AwsStores.selectedTable(Map.of("ALLFRAME_STORE", "sqlite:x.db", "EVENT_TABLE", "table-2"))).isEmpty();
        assertThat(AwsStores.selectedTable(Map.of("EVENT_TABLE", "  "))).isEmpty();
        assertThat(AwsStores.fromEnvironment(Map.of("ALLFRAME_STORE", "memory:"))).isEmpty();
    }

    @Test
    void rejectsABadTableNameNamingIt() {
        assertThatThrownBy(() -> AwsStores.selectedTable(Map.of("ALLFRAME_STORE", "dynamodb:")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected dynamodb:TABLE");
        assertThatThrownBy(() -> AwsStores.selectedTable(Map.of("EVENT_TABLE", "bad name!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name!' is invalid");
    }

    private record Run(int exit, String output) {
    }

    private static Run child(Map<String, String> env, String stream) throws IOException, InterruptedException {
        return child(env, stream, System.getProperty("java.class.path"));
    }

    private static Run child(Map<String, String> env, String stream, String classpath)
            throws IOException, InterruptedException {
        return child(env, List.of(stream), classpath, List.of());
    }

    private static Run child(Map<String, String> env, List<String> args, String classpath, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, EnvironmentMain.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("EVENT_TABLE") || k.equals("ALLFRAME_STORE")
                || k.equals("SNAPSHOT_BUCKET") || k.equals("ALLFRAME_CREATE_TABLES")
                || k.equals("ALLFRAME_GLOBAL_ORDER"));
        e.put("AWS_REGION", "us-east-1");
        e.put("AWS_EC2_METADATA_DISABLED", "true");
        e.putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void aProcessConfiguredOnlyByEnvironmentUsesTheServiceEndpointVariables() throws Exception {
        // DynamoDB and S3 live on different servers, so each service-specific variable must be read.
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", StandIns.dynoxide().endpoint().toString());
        env.put("AWS_ENDPOINT_URL_S3", StandIns.s3proxy().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", S3Proxy.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Proxy.SECRET_KEY);
        String table = "env-" + ProcessHandle.current().pid();
        env.put("EVENT_TABLE", table);
        env.put("SNAPSHOT_BUCKET", "env-snapshots-" + ProcessHandle.current().pid());

        Run withoutCreate = child(env, "order-1");
        assertThat(withoutCreate.exit()).as(withoutCreate.output()).isEqualTo(4);
        assertThat(withoutCreate.output()).contains("error: ").contains(table);
        try (DynamoDbClient client = StandIns.dynamoDb()) {
            assertThat(client.listTables().tableNames()).doesNotContain(table);
        }

        env.put("ALLFRAME_CREATE_TABLES", "true");
        Run created = child(env, "order-1");
        assertThat(created.exit()).as(created.output()).isZero();
        assertThat(created.output()).contains("appended AwsStores[dynamodb:" + table + ", s3://env-snapshots-");

        try (DynamoDbClient client = StandIns.dynamoDb(); S3Client s3 = StandIns.s3()) {
            DynamoDbEventStoreBackend store = DynamoDbEventStoreBackend.create(client, table);
            assertThat(store.read("order-1", 1)).singleElement().satisfies(e -> assertThat(e.type())
                    .isEqualTo("Created"));
            assertThat(S3SnapshotStore.create(s3, env.get("SNAPSHOT_BUCKET")).load("order-1")).isPresent();
            client.deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void theGeneralEndpointVariableAndAStoreUrlAreEnoughForDynamoDb() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", StandIns.dynoxide().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        String table = "url-" + ProcessHandle.current().pid();
        env.put("ALLFRAME_STORE", "dynamodb:" + table);
        env.put("ALLFRAME_CREATE_TABLES", "true");
        Run run = child(env, "s-1");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("appended AwsStores[dynamodb:" + table + "] 1 1");
        try (DynamoDbClient client = StandIns.dynamoDb()) {
            assertThat(DynamoDbEventStoreBackend.create(client, table).version("s-1")).isEqualTo(1);
            client.deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void theGlobalOrderVariableSelectsStreamsModeAndABadValueIsAClearConfigurationError() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", StandIns.dynoxide().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        String table = "order-" + ProcessHandle.current().pid();
        env.put("EVENT_TABLE", table);
        env.put("ALLFRAME_CREATE_TABLES", "true");

        env.put("ALLFRAME_GLOBAL_ORDER", "sequence");
        Run bad = child(env, "s-1");
        assertThat(bad.exit()).as(bad.output()).isEqualTo(3);
        assertThat(bad.output()).contains("ALLFRAME_GLOBAL_ORDER='sequence' is not a global-order mode")
                .contains("expected counter").contains("or streams").doesNotContain("\tat ");

        env.put("ALLFRAME_GLOBAL_ORDER", " Streams ");
        Run streams = child(env, "s-1");
        assertThat(streams.exit()).as(streams.output()).isZero();
        // No global position (0) and no counter item: the append was the event Put alone.
        assertThat(streams.output()).contains("appended AwsStores[dynamodb:" + table + ", global order streams] 1 0");
        try (DynamoDbClient client = StandIns.dynamoDb()) {
            assertThat(client.getItem(b -> b.tableName(table).key(DynamoDbSchema.key("$global", "$global")))
                    .hasItem()).isFalse();
            client.deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void globalOrderValuesParseCaseInsensitivelyWithCounterAsTheDefault() {
        assertThat(GlobalOrder.parse(null)).isEqualTo(GlobalOrder.COUNTER);
        assertThat(GlobalOrder.parse("  ")).isEqualTo(GlobalOrder.COUNTER);
        assertThat(GlobalOrder.parse("COUNTER")).isEqualTo(GlobalOrder.COUNTER);
        assertThat(GlobalOrder.parse("streams")).isEqualTo(GlobalOrder.STREAMS);
        assertThat(GlobalOrder.STREAMS.value()).isEqualTo("streams");
        assertThatThrownBy(() -> GlobalOrder.parse("stream"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ALLFRAME_GLOBAL_ORDER='stream'")
                .hasMessageContaining("counter").hasMessageContaining("streams");
    }

    @Test
    void withoutTheOptionalS3ClientDynamoDbWorksAndASnapshotBucketIsAClearError() throws Exception {
        String withoutS3 = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.contains("/awssdk/s3/") && !entry.contains("s3proxy")).toList());
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", StandIns.dynoxide().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        String table = "nos3-" + ProcessHandle.current().pid();
        env.put("EVENT_TABLE", table);
        env.put("ALLFRAME_CREATE_TABLES", "true");
        Run dynamoOnly = child(env, "s-1", withoutS3);
        assertThat(dynamoOnly.exit()).as(dynamoOnly.output()).isZero();
        assertThat(dynamoOnly.output()).contains("appended AwsStores[dynamodb:" + table + "] 1 1");

        env.put("SNAPSHOT_BUCKET", "some-bucket");
        Run withBucket = child(env, "s-2", withoutS3);
        assertThat(withBucket.exit()).as(withBucket.output()).isEqualTo(3);
        assertThat(withBucket.output()).contains("SNAPSHOT_BUCKET is set but the S3 client is not on the class path")
                .contains("software.amazon.awssdk:s3").doesNotContain("\tat ");
        try (DynamoDbClient client = StandIns.dynamoDb()) {
            client.deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void withNothingSetTheProcessSelectsNoAwsStore() throws Exception {
        Run run = child(Map.of(), "x");
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().strip()).isEqualTo("none");
    }

    @Test
    void storesFromTheEnvironmentFindThisModulesProviderForAnEventTable() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_DYNAMODB", StandIns.dynoxide().endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        String table = "spi-" + ProcessHandle.current().pid();
        env.put("EVENT_TABLE", table);
        env.put("ALLFRAME_CREATE_TABLES", "true");
        Run run = child(env, List.of("s-1", "spi"), System.getProperty("java.class.path"), List.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("appended AwsStores[dynamodb:" + table + "] 1 1");
        try (DynamoDbClient client = StandIns.dynamoDb()) {
            assertThat(DynamoDbEventStoreBackend.create(client, table).version("s-1")).isEqualTo(1);
            client.deleteTable(b -> b.tableName(table));
        }
    }

    @Test
    void aProcessOnAnotherBackendLoadsNoAwsClassThoughThisModuleIsPresent() throws Exception {
        Run run = child(Map.of("ALLFRAME_STORE", "memory:"), List.of("m-1", "spi"),
                System.getProperty("java.class.path"), List.of("-Xlog:class+load=info"));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("appended Stores[memory:] 1 1")
                .contains("dev.allframe.aws.AwsStoresProvider")
                .doesNotContain("software.amazon.").doesNotContain("dev.allframe.aws.AwsStores ");
    }
}
