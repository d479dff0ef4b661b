package dev.allframe.jdbc;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gap problem across independent writers: each writer has its own {@link JdbcStores} (its own pool and
 * in-process lock), as separate processes would, so only the database orders their commits. A reader interleaved
 * with them must still see every event, in order, without skipping one that committed late.
 */
class IndependentWritersOrderingTest {
    static PostgresServer server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @TempDir
    Path dir;

    @Test
    void sqliteReadersNeverSkipALateCommitFromAnotherWriter() throws Exception {
        String url = "sqlite:" + dir.resolve("shared.db");
        raceAndRead(url);
    }

    @Test
    void postgresReadersNeverSkipALateCommitFromAnotherWriter() throws Exception {
        if (server == null) {
            server = PostgresServer.start();
        }
        raceAndRead(server.createDatabase());
    }

    private static void raceAndRead(String url) throws Exception {
        int writers = 6;
        int appends = 40;
        List<JdbcStores> stores = new ArrayList<>();
        try {
            for (int i = 0; i <= writers; i++) {
                stores.add(JdbcStores.open(url));
            }
            EventStoreBackend readerBackend = stores.get(writers).events();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            List<Long> seen = new ArrayList<>();
            Thread reader = Thread.ofPlatform().start(() -> {
                long next = 1;
                try {
                    while (true) {
                        boolean finished = !writing.get();
                        List<RecordedEvent> page = readerBackend.readAll(next, 5);
                        for (RecordedEvent r : page) {
                            seen.add(r.globalPosition());
                            next = r.globalPosition() + 1;
                        }
                        if (page.isEmpty() && finished) {
                            return;
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                EventStoreBackend backend = stores.get(w).events();
                String stream = "writer-" + w;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        for (int i = 0; i < appends; i++) {
                            backend.append(stream, List.of(event(i), event(i)), ExpectedVersion.any());
                            written.addAndGet(2);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(60));
            }
            writing.set(false);
            reader.join(Duration.ofSeconds(60));
            assertThat(failures).isEmpty();
            List<Long> all = readerBackend.readAll(1, 100_000).stream().map(RecordedEvent::globalPosition).toList();
            assertThat(all).hasSize(written.get());
            assertThat(seen).as("positions the interleaved reader saw").containsExactlyElementsOf(all);
        } finally {
            stores.forEach(JdbcStores::close);
        }
    }

    private static EventData event(int i) {
        return new EventData("Tick", ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }
}
