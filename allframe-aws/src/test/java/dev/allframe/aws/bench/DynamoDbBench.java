package dev.allframe.aws.bench;

import dev.allframe.aws.DynamoDbEventStoreBackend;
import dev.allframe.aws.DynamoDbTables;
import dev.allframe.aws.GlobalOrder;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.testkit.aws.Dynoxide;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Append latency and throughput of the DynamoDB event store against dynoxide, beside a raw SDK {@code PutItem} loop
 * in the same run (docs/benchmarks/dynamodb.md). Not a test: run by {@code allframe-aws/bench/dynamodb.sh}.
 * Arguments: {@code [opsPerRound] [rounds]}. Cases marked {@value #STREAMS} run the store in global order mode
 * {@code streams} (no counter item); the others in the default mode {@code counter}.
 */
public final class DynamoDbBench {
    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final String STREAMS = "[streams]";

    private static DynamoDbEventStoreBackend store(DynamoDbClient client, String caseName) {
        return DynamoDbEventStoreBackend.create(client, "events", false,
                caseName.contains(STREAMS) ? GlobalOrder.STREAMS : GlobalOrder.COUNTER);
    }

    private DynamoDbBench() {
    }

    interface Op {
        void run(int i) throws Exception;
    }

    /** A case: given a fresh server with tables "raw" and "events", returns the operation to time. */
    interface Case {
        Op prepare(DynamoDbClient client, DynamoDbEventStoreBackend store);
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        byte[] payload = "{\"orderId\":\"o-1\",\"sku\":\"apple\",\"qty\":2,\"price\":\"1.25\"}"
                .getBytes(StandardCharsets.UTF_8);
        List<EventData> one = List.of(new EventData("ItemAdded", payload, Metadata.of("correlation-id", "c")));
        List<EventData> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(one.get(0));
        }
        int warmUp = Math.max(50, ops / 5);
        Map<String, Case> cases = new java.util.LinkedHashMap<>();
        cases.put("raw PutItem (1 item)", (client, store) -> i -> {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("PK", AttributeValue.fromS("raw-" + (i / 100)));
            item.put("SK", AttributeValue.fromS(String.format("%020d", i)));
            item.put("event_type", AttributeValue.fromS("ItemAdded"));
            item.put("payload", AttributeValue.fromS(new String(payload, StandardCharsets.UTF_8)));
            client.putItem(b -> b.tableName("raw").item(item));
        });
        cases.put("append 1 event", (client, store) -> i ->
                store.append("one-" + (i / 100), one, ExpectedVersion.exactly(i % 100)));
        cases.put("append 10 events", (client, store) -> i ->
                store.append("ten-" + (i / 100), ten, ExpectedVersion.exactly((i % 100) * 10L)));
        cases.put("append 1 event " + STREAMS, (client, store) -> i ->
                store.append("one-" + (i / 100), one, ExpectedVersion.exactly(i % 100)));
        cases.put("append 10 events " + STREAMS, (client, store) -> i ->
                store.append("ten-" + (i / 100), ten, ExpectedVersion.exactly((i % 100) * 10L)));
        // The same append at a version this store instance has not seen (another instance wrote each stream):
        // the transaction carries the ConditionCheck that the expected version exists (3 items instead of 2).
        cases.put("append 1 event, version check", (client, store) -> {
            try (DynamoDbEventStoreBackend other = DynamoDbEventStoreBackend.create(client, "events")) {
                for (int i = 0; i < warmUp + ops; i++) {
                    other.append("seen-elsewhere-" + i, one, ExpectedVersion.noStream());
                }
            }
            return i -> store.append("seen-elsewhere-" + i, one, ExpectedVersion.exactly(1));
        });
        Map<String, List<Long>> latencies = new HashMap<>();
        Map<String, Long> requests = new HashMap<>();
        Map<String, Long> elapsed = new HashMap<>();
        // Each case and round on a fresh dynoxide: its cost grows with what it holds, so a shared server would
        // favour whichever case ran first.
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Case> c : cases.entrySet()) {
                try (Dynoxide dynoxide = Dynoxide.start(); DynamoDbClient client = client(dynoxide)) {
                    DynamoDbTables.create(client, "raw");
                    DynamoDbTables.create(client, "events");
                    Op op = c.getValue().prepare(client, store(client, c.getKey()));
                    for (int i = 0; i < warmUp; i++) {
                        op.run(i);
                    }
                    long before = REQUESTS.get();
                    long start = System.nanoTime();
                    List<Long> lat = new ArrayList<>(ops);
                    for (int i = warmUp; i < warmUp + ops; i++) {
                        long t = System.nanoTime();
                        op.run(i);
                        lat.add(System.nanoTime() - t);
                    }
                    elapsed.merge(c.getKey(), System.nanoTime() - start, Long::sum);
                    latencies.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).addAll(lat);
                    requests.merge(c.getKey(), REQUESTS.get() - before, Long::sum);
                }
            }
        }
        System.out.printf("%-40s %10s %10s %10s %12s %12s%n", "case (one thread)", "median ms", "p99 ms",
                "ops/s", "events/s", "requests/op");
        double baseline = 0;
        for (String name : cases.keySet()) {
            long[] l = latencies.get(name).stream().mapToLong(Long::longValue).sorted().toArray();
            double opsPerSec = l.length / (elapsed.get(name) / 1e9);
            int events = name.contains("10 events") ? 10 : 1;
            if (baseline == 0) {
                baseline = opsPerSec;
            }
            System.out.printf("%-40s %10.3f %10.3f %10.0f %12.0f %12.2f   (ops/s %.2fx raw)%n", name,
                    l[l.length / 2] / 1e6, l[(int) (l.length * 0.99)] / 1e6, opsPerSec, opsPerSec * events,
                    requests.get(name) / (double) l.length, opsPerSec / baseline);
        }
        concurrent(Math.max(50, ops / 4), payload);
    }

    /**
     * Four writers: raw PutItem, one shared store instance, four instances (four Lambda instances on one table),
     * the store cases in both global order modes.
     */
    private static void concurrent(int ops, byte[] payload) throws Exception {
        int threads = 4;
        List<EventData> one = List.of(new EventData("ItemAdded", payload, null));
        System.out.printf("%-40s %10s %12s%n", "case (" + threads + " threads x " + ops + ")", "appends/s",
                "requests/op");
        for (String mode : List.of("raw PutItem", "one store instance", threads + " store instances",
                "one store instance " + STREAMS, threads + " store instances " + STREAMS)) {
            try (Dynoxide dynoxide = Dynoxide.start(); DynamoDbClient client = client(dynoxide)) {
                DynamoDbTables.create(client, "events");
                DynamoDbEventStoreBackend shared = store(client, mode);
                List<DynamoDbEventStoreBackend> separate = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    separate.add(store(client, mode));
                }
                for (int r = 0; r < 2; r++) { // the first round warms up
                    int round = r;
                    long before = REQUESTS.get();
                    long start = System.nanoTime();
                    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                        List<Future<?>> done = new ArrayList<>();
                        for (int t = 0; t < threads; t++) {
                            int thread = t;
                            done.add(pool.submit(() -> {
                                for (int n = 0; n < ops; n++) {
                                    int i = n;
                                    String stream = "s-" + round + "-" + thread;
                                    switch (mode) {
                                        case "raw PutItem" -> client.putItem(b -> b.tableName("events").item(Map.of(
                                                "PK", AttributeValue.fromS("$raw-" + stream),
                                                "SK", AttributeValue.fromS(String.format("%020d", i)),
                                                "payload", AttributeValue.fromS("x"))));
                                        default -> (mode.startsWith("one") ? shared : separate.get(thread))
                                                .append(stream, one, ExpectedVersion.exactly(i));
                                    }
                                }
                                return null;
                            }));
                        }
                        for (Future<?> f : done) {
                            f.get();
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (round == 1) {
                        System.out.printf("%-40s %10.0f %12.2f%n", mode, threads * ops / seconds,
                                (REQUESTS.get() - before) / (double) (threads * ops));
                    }
                }
            }
        }
    }

    private static DynamoDbClient client(Dynoxide dynoxide) {
        return DynamoDbClient.builder().endpointOverride(dynoxide.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context,
                                                   ExecutionAttributes attributes) {
                        REQUESTS.incrementAndGet();
                    }
                }))
                .build();
    }
}
