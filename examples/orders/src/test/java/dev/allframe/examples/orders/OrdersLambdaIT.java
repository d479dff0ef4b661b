package dev.allframe.examples.orders;

import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import dev.allframe.testkit.lambda.TaskRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda deployment zip that {@code mvn package} builds ({@code target/orders-lambda.zip}): what is in it, and
 * that it serves the Orders API when unpacked into a task root and launched by the official runtime interface
 * client, as the managed java21 runtime does.
 */
class OrdersLambdaIT {
    static final Path ZIP = Path.of("target", "orders-lambda.zip");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED");

    @TempDir
    Path tmp;

    @Test
    void theZipHoldsTheHandlerInLibAndNeitherNettyNorTheServerNorSqlite() throws IOException {
        List<String> names = new ArrayList<>();
        boolean handlerInside = false;
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                names.add(entry.getName());
                if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        handlerInside |= contains(in, OrdersLambda.class.getName().replace('.', '/') + ".class");
                    }
                }
            }
        }
        assertThat(names).allMatch(n -> n.equals("lib/") || n.startsWith("lib/") && n.endsWith(".jar"));
        assertThat(names).anyMatch(n -> n.startsWith("lib/allframe-lambda-"))
                .anyMatch(n -> n.startsWith("lib/allframe-core-"))
                .anyMatch(n -> n.startsWith("lib/avaje-jsonb-"))
                .noneMatch(n -> n.contains("netty"))
                .noneMatch(n -> n.contains("allframe-server"))
                .noneMatch(n -> n.contains("sqlite"))
                .noneMatch(n -> n.contains("runtime-interface-client"))
                // DynamoDB (EVENT_TABLE): allframe-aws and the SDK's dynamodb client on the URL-connection client;
                // no other HTTP client, and no S3 (snapshots stay in the table).
                .anyMatch(n -> n.startsWith("lib/allframe-aws-"))
                .anyMatch(n -> n.startsWith("lib/dynamodb-2."))
                .anyMatch(n -> n.startsWith("lib/url-connection-client-"))
                .noneMatch(n -> n.contains("apache-client") || n.contains("apache5-client") || n.contains("httpclient"))
                .noneMatch(n -> n.startsWith("lib/s3-"));
        assertThat(handlerInside).as("a jar in lib/ holds OrdersLambda.class").isTrue();
        assertThat(Files.size(ZIP)).as("package budget: < 10 MB").isLessThan(10_000_000L);
    }

    @Test
    void createsThenReadsAnOrderUnderTheOfficialRuntimeInterfaceClient() throws IOException {
        TaskRoot root = new TaskRoot(runtimeClassPath(), unzip(ZIP, tmp.resolve("task")));
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = LambdaProcess.builder(emulator).taskRoot(root).jvmOptions(JVM)
                     .ric(OrdersLambda.class.getName()).env("ALLFRAME_STORE", "memory:").start()) {
            InvocationResult created = invoke(emulator, lambda, event("POST", "/orders",
                    "{\"customerId\":\"c-7\"}"));
            Map<String, Object> doc = json(created.body());
            assertThat(((Number) doc.get("statusCode")).intValue()).as(created.body()).isEqualTo(201);
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) doc.get("headers");
            String location = (String) headers.get("location");
            assertThat(location).startsWith("/orders/");

            InvocationResult read = invoke(emulator, lambda, event("GET", location, null));
            Map<String, Object> got = json(read.body());
            assertThat(((Number) got.get("statusCode")).intValue()).as(read.body()).isEqualTo(200);
            Map<String, Object> summary = json((String) got.get("body"));
            assertThat(summary.get("id")).isEqualTo(location.substring("/orders/".length()));
            assertThat(summary.get("customerId")).isEqualTo("c-7");

            InvocationResult missing = invoke(emulator, lambda, event("GET", "/orders/nope", null));
            assertThat(((Number) json(missing.body()).get("statusCode")).intValue()).isEqualTo(404);
        }
    }

    @Test
    void aSqliteStoreFailsTheInitPhaseWithAMessageSayingWhatToSetInstead() throws IOException {
        TaskRoot root = new TaskRoot(runtimeClassPath(), unzip(ZIP, tmp.resolve("task")));
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
             LambdaProcess lambda = LambdaProcess.builder(emulator).taskRoot(root).jvmOptions(JVM)
                     .ric(OrdersLambda.class.getName()).env("ALLFRAME_STORE", "sqlite:/tmp/orders.db").start()) {
            RuntimeApiEmulator.InitError error = RuntimeApiEmulator.await(emulator.initError(), WAIT);
            assertThat(error.body()).as(lambda.output()).contains("SQLite").contains("jdbc:postgresql://");
        }
    }

    static InvocationResult invoke(RuntimeApiEmulator emulator, LambdaProcess lambda, String event) {
        try {
            InvocationResult r = RuntimeApiEmulator.await(emulator.invoke(event), WAIT);
            assertThat(r.success()).as(r.body()).isTrue();
            return r;
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nruntime output:\n" + lambda.output(), e);
        }
    }

    /** An API Gateway HTTP API (payload 2.0) event. */
    static String event(String method, String path, String body) {
        String bodyJson = body == null ? "null"
                : "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return """
                {"version":"2.0","routeKey":"$default","rawPath":"%2$s","rawQueryString":"",
                 "headers":{"content-type":"application/json","host":"api.example.com"},
                 "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
                  "http":{"method":"%1$s","path":"%2$s","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
                   "userAgent":"it"},
                  "requestId":"it-1","routeKey":"$default","stage":"$default","timeEpoch":1767225600000},
                 "body":%3$s,"isBase64Encoded":false}
                """.formatted(method, path, bodyJson);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String s) {
        return (Map<String, Object>) JsonCodecs.defaultCodec().read(s.getBytes(StandardCharsets.UTF_8), Object.class);
    }

    /** The runtime's own jars (the runtime interface client and what it needs), from this test's class path. */
    static String runtimeClassPath() {
        String cp = LambdaProcess.Builder.testClassPath();
        List<String> runtime = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            // The client's own SDK piece (utils-lite) only: the application's SDK jars come from the task root.
            if (name.startsWith("aws-lambda-java-") || name.startsWith("utils-lite-")) {
                runtime.add(entry);
            }
        }
        assertThat(runtime).anyMatch(e -> e.contains("runtime-interface-client"));
        return String.join(File.pathSeparator, runtime);
    }

    static Path unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
        return dir;
    }

    private static boolean contains(InputStream jar, String entryName) throws IOException {
        try (ZipInputStream in = new ZipInputStream(jar)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(entryName)) {
                    return true;
                }
            }
        }
        return false;
    }
}
