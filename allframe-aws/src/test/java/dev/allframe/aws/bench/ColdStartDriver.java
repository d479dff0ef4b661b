package dev.allframe.aws.bench;

import dev.allframe.aws.DynamoDbEventStoreBackend;
import dev.allframe.aws.DynamoDbTables;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.testkit.aws.Dynoxide;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link ColdStartProbe} in fresh JVMs, the SDK mode and the JDK-only mode interleaved, and prints medians.
 * Arguments: {@code runs classpath}.
 */
public final class ColdStartDriver {
    private ColdStartDriver() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        String classpath = args[1];
        try (Dynoxide dynoxide = Dynoxide.start(); DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(dynoxide.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            DynamoDbTables.create(client, "cold");
            DynamoDbEventStoreBackend.create(client, "cold").append("order-1", List.of(new EventData("OrderCreated",
                    "{}".getBytes(StandardCharsets.UTF_8), null)), ExpectedVersion.noStream());
            Map<String, List<Double>> wall = new HashMap<>();
            Map<String, List<Double>> inside = new HashMap<>();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            for (int run = -1; run < runs; run++) { // run -1 warms the page cache
                for (String mode : List.of("plain", "sdk")) {
                    ProcessBuilder pb = new ProcessBuilder(java, "-cp", classpath,
                            ColdStartProbe.class.getName(), mode, "cold").redirectErrorStream(true);
                    pb.environment().put("AWS_ENDPOINT_URL_DYNAMODB", dynoxide.endpoint().toString());
                    pb.environment().put("AWS_REGION", "us-east-1");
                    pb.environment().put("AWS_ACCESS_KEY_ID", "test");
                    pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
                    pb.environment().put("EVENT_TABLE", "cold");
                    long start = System.nanoTime();
                    Process p = pb.start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    int exit = p.waitFor();
                    double ms = (System.nanoTime() - start) / 1e6;
                    if (exit != 0 || !out.contains("version=1")) {
                        throw new IllegalStateException(mode + " failed (exit " + exit + "): " + out);
                    }
                    if (run >= 0) {
                        wall.computeIfAbsent(mode, k -> new ArrayList<>()).add(ms);
                        String[] parts = out.substring(out.lastIndexOf(mode + " ")).split(" ");
                        inside.computeIfAbsent(mode, k -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
                    }
                }
            }
            double plain = median(wall.get("plain"));
            double sdk = median(wall.get("sdk"));
            System.out.printf("%-8s %18s %26s%n", "mode", "wall median ms", "main->answer median ms");
            System.out.printf("%-8s %18.0f %26.0f%n", "plain", plain, median(inside.get("plain")));
            System.out.printf("%-8s %18.0f %26.0f%n", "sdk", sdk, median(inside.get("sdk")));
            System.out.printf("client cost (sdk - plain, wall medians): %.0f ms over %d runs each%n", sdk - plain, runs);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
