package dev.allframe.bench.eventstore;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.testkit.postgres.PostgresServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Append and read throughput of the typed event store per backend, one thread. Appends use
 * {@code ExpectedVersion.any()} over 1,000 rotating streams; reads load a 100-event stream or a 500-event page of
 * the global order (JSON decoding included, as the command bus and projections pay it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventStoreBenchmark {
    @Param({"memory", "sqlite", "postgres"})
    public String backend;

    private PostgresServer postgres;
    private Path dir;
    private JdbcStores stores;
    private EventStore<BenchEvent> store;
    private List<BenchEvent> one;
    private List<BenchEvent> ten;
    private final AtomicLong counter = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException {
        String url = switch (backend) {
            case "memory" -> "memory:";
            case "sqlite" -> {
                dir = Files.createTempDirectory("allframe-bench-");
                yield "sqlite:" + dir.resolve("bench.db");
            }
            case "postgres" -> {
                if (PostgresServer.findBinDir().isEmpty()) {
                    throw new IllegalStateException("PostgreSQL binaries not found; run with -p backend=memory,sqlite");
                }
                postgres = PostgresServer.start();
                yield postgres.createDatabase();
            }
            default -> throw new IllegalArgumentException("backend (expected memory, sqlite or postgres): " + backend);
        };
        stores = JdbcStores.open(url);
        store = EventStore.create(stores.events(), EventTypes.builder(BenchEvent.class)
                .register(BenchEvent.class).build());
        one = List.of(event(0));
        List<BenchEvent> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(event(i));
        }
        ten = List.copyOf(batch);
        for (int i = 0; i < 10; i++) {
            store.append("read-stream", ten, ExpectedVersion.any());
        }
        for (int i = 0; i < 50; i++) {
            store.append("fill-" + i, ten, ExpectedVersion.any());
        }
    }

    private static BenchEvent event(int i) {
        return new BenchEvent("order-000000" + i, "SKU-ABCDEF-" + i, 1 + i, 1999L * (i + 1));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        stores.close();
        if (postgres != null) {
            postgres.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** @return the new version */
    @Benchmark
    public long append1() {
        return store.append("s-" + (counter.getAndIncrement() % 1000), one, ExpectedVersion.any());
    }

    /** @return the new version */
    @Benchmark
    public long append10() {
        return store.append("s-" + (counter.getAndIncrement() % 1000), ten, ExpectedVersion.any());
    }

    /** @return the new version; four threads append at once (the lock that orders commits is shared) */
    @Benchmark
    @Threads(4)
    public long append1Threads4() {
        return store.append("s-" + (counter.getAndIncrement() % 1000), one, ExpectedVersion.any());
    }

    /** @return the events of a 100-event stream */
    @Benchmark
    public List<StoredEvent<BenchEvent>> readStream100() {
        return store.read("read-stream");
    }

    /** @return the size of a 500-event page of the global order */
    @Benchmark
    public long readAllPage500() {
        return store.readAll(1).limit(500).count();
    }
}
