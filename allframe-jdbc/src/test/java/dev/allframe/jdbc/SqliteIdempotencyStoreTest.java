package dev.allframe.jdbc;

import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.testkit.idempotency.IdempotencyStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite idempotency store passes the conformance kit, each test on a new database file. */
class SqliteIdempotencyStoreTest extends IdempotencyStoreContract {
    @TempDir
    Path dir;
    private final List<JdbcStores> opened = new ArrayList<>();

    @Override
    protected IdempotencyStore createStore(Clock clock) {
        JdbcStores stores = JdbcStores.sqlite(dir.resolve("idem-" + opened.size() + ".db"));
        opened.add(stores);
        return stores.idempotency(clock);
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcStores::close);
    }

    @Test
    void aCompletionSurvivesReopeningTheDatabase() {
        Path file = dir.resolve("durable.db");
        try (JdbcStores first = JdbcStores.sqlite(file)) {
            IdempotencyStore store = first.idempotency();
            store.complete(store.claim("sqs:m1", LEASE), RETENTION);
        }
        try (JdbcStores again = JdbcStores.sqlite(file)) {
            assertThat(again.idempotency().claim("sqs:m1", LEASE).status())
                    .isEqualTo(dev.allframe.idempotency.Claim.Status.COMPLETED);
        }
    }

    @Test
    void twoStoreInstancesOverOneFileNeverBothAcquire() throws Exception {
        Path file = dir.resolve("shared.db");
        try (JdbcStores a = JdbcStores.sqlite(file); JdbcStores b = JdbcStores.sqlite(file)) {
            for (int i = 0; i < 20; i++) {
                String key = "k" + i;
                var results = new java.util.concurrent.ConcurrentLinkedQueue<Boolean>();
                Thread ta = Thread.ofPlatform().start(() -> results.add(a.idempotency().claim(key, LEASE).acquired()));
                Thread tb = Thread.ofPlatform().start(() -> results.add(b.idempotency().claim(key, LEASE).acquired()));
                ta.join(10_000);
                tb.join(10_000);
                assertThat(results).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    void expiredRowsArePurged() {
        TestClock clock = new TestClock();
        JdbcStores stores = JdbcStores.sqlite(dir.resolve("purge.db"));
        opened.add(stores);
        JdbcIdempotencyStore store = (JdbcIdempotencyStore) stores.idempotency(clock);
        store.complete(store.claim("old", LEASE), RETENTION);
        store.claim("held", LEASE);
        clock.advance(RETENTION.plusSeconds(1));
        store.complete(store.claim("new", LEASE), RETENTION);
        assertThat(store.purgeExpired()).isEqualTo(2);
        assertThat(store.claim("new", LEASE).status()).isEqualTo(dev.allframe.idempotency.Claim.Status.COMPLETED);
    }
}
