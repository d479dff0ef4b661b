package dev.allframe.bench.contention;

import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.RetryPolicy;
import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventStore;
import dev.allframe.examples.orders.domain.OrderCommand;
import dev.allframe.examples.orders.domain.OrderDecider;
import dev.allframe.examples.orders.domain.OrderEvent;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.testkit.postgres.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writers that all add items to one order at once, through the command bus and the Orders example's decider, on a
 * real store: what share of the commands ends in a concurrency conflict (HTTP 409), with the bus's retry policy
 * before backoff (three immediate attempts) and after (backoff with full jitter within a time budget).
 *
 * <pre>
 * java ... ContentionBench --store sqlite|postgres [--writers 32] [--commands 20] [--rounds 3]
 * </pre>
 * Each round uses a fresh order; a line per policy and round, then the median 409 rate per policy.
 */
public final class ContentionBench {
    private ContentionBench() {
    }

    /** A retry policy under test. */
    private record Policy(String name, RetryPolicy policy) {
    }

    /** What one round measured. */
    private record Round(int ok, int conflicts, int other, long[] latenciesNanos, long wallNanos) {
        double conflictRate() {
            return (double) conflicts / (ok + conflicts + other);
        }
    }

    /**
     * @param args {@code --store sqlite|postgres}, {@code --writers N}, {@code --commands N} per writer,
     *        {@code --rounds N}
     * @throws Exception if the store cannot be opened
     */
    public static void main(String[] args) throws Exception {
        String store = arg(args, "--store", "sqlite");
        int writers = Integer.parseInt(arg(args, "--writers", "32"));
        int commands = Integer.parseInt(arg(args, "--commands", "20"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "3"));
        List<Policy> policies = List.of(
                new Policy("before: 3 attempts, no backoff",
                        RetryPolicy.attempts(3).withBackoff(Duration.ZERO, Duration.ZERO)),
                new Policy("after: example policy (10 attempts, 1-100 ms jittered backoff, 2 s budget)",
                        dev.allframe.examples.orders.api.OrdersModule.RETRY));
        PostgresServer postgres = null;
        Path dir = null;
        try {
            String url;
            if (store.equals("postgres")) {
                postgres = PostgresServer.start();
                url = postgres.createDatabase();
            } else if (store.equals("sqlite")) {
                dir = Files.createTempDirectory("allframe-contention-");
                url = "sqlite:" + dir.resolve("orders.db");
            } else {
                throw new IllegalArgumentException("--store (expected sqlite or postgres): " + store);
            }
            System.out.printf("store=%s writers=%d commands/writer=%d rounds=%d cpus=%d%n", store, writers, commands,
                    rounds, Runtime.getRuntime().availableProcessors());
            try (JdbcStores stores = JdbcStores.open(url)) {
                EventStore<OrderEvent> events = EventStore.create(stores.events(), OrderEvent.types());
                List<List<Round>> results = new ArrayList<>();
                for (Policy p : policies) {
                    results.add(new ArrayList<>());
                }
                for (int r = 0; r < rounds; r++) {
                    for (int i = 0; i < policies.size(); i++) { // interleaved, so drift hits both alike
                        Policy p = policies.get(i);
                        CommandBus<OrderEvent> bus = CommandBus.builder(events)
                                .register(OrderCommand.class, new OrderDecider()).retryOnConflict(p.policy()).build();
                        Round round = round(bus, "c-" + i + "-" + r, writers, commands);
                        results.get(i).add(round);
                        long[] l = round.latenciesNanos();
                        System.out.printf("%-78s round %d: 409 %5.1f%% (%d of %d), other errors %d, %.0f commands/s,"
                                        + " p50 %.1f ms, p99 %.1f ms%n", p.name(), r + 1, 100 * round.conflictRate(),
                                round.conflicts(), round.ok() + round.conflicts() + round.other(), round.other(),
                                (round.ok() + round.conflicts()) / (round.wallNanos() / 1e9),
                                l[l.length / 2] / 1e6, l[(int) (l.length * 0.99)] / 1e6);
                    }
                }
                for (int i = 0; i < policies.size(); i++) {
                    double[] rates = results.get(i).stream().mapToDouble(Round::conflictRate).sorted().toArray();
                    System.out.printf("median 409 rate, %s: %.1f%%%n", policies.get(i).name(),
                            100 * rates[rates.length / 2]);
                }
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private static Round round(CommandBus<OrderEvent> bus, String order, int writers, int commands)
            throws InterruptedException {
        bus.dispatch(new OrderCommand.CreateOrder(order, "bench"));
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        long[] latencies = new long[writers * commands];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int c = 0; c < commands; c++) {
                    long t0 = System.nanoTime();
                    try {
                        bus.dispatch(new OrderCommand.AddItem(order, "sku-" + writer + "-" + c, 1, 100L));
                        ok.incrementAndGet();
                    } catch (ConcurrencyConflictException e) {
                        conflicts.incrementAndGet();
                    } catch (RuntimeException e) {
                        other.incrementAndGet();
                    }
                    latencies[next.getAndIncrement()] = System.nanoTime() - t0;
                }
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long wall = System.nanoTime() - t0;
        Arrays.sort(latencies);
        return new Round(ok.get(), conflicts.get(), other.get(), latencies, wall);
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
