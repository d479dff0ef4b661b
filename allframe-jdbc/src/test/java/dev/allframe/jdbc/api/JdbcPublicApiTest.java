package dev.allframe.jdbc.api;

import dev.allframe.eventstore.BackendCapabilities;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the module's whole public API from outside its package, so an API break fails compilation. SQLite runs
 * here; {@link #everyCall} (the environment and PostgreSQL) compiles but does not run: the module's other tests run
 * those against a real server.
 */
class JdbcPublicApiTest {
    @TempDir
    Path dir;

    @Test
    void sqliteStoresOpenFromAFileOrAUrlAndHandOutEveryStore() {
        try (JdbcStores stores = JdbcStores.sqlite(dir.resolve("a.db"))) {
            Stores asRole = stores;
            EventStoreBackend events = asRole.events();
            assertThat(events.capabilities()).isEqualTo(BackendCapabilities.all());
            SnapshotStore snapshots = stores.snapshots();
            CheckpointStore checkpoints = stores.checkpoints();
            DeadLetterStore deadLetters = stores.deadLetters();
            SagaStore sagas = stores.sagas();
            IdempotencyStore idempotency = stores.idempotency();
            assertThat(checkpoints.load("p")).isZero();
            assertThat(snapshots.load("s")).isEmpty();
            assertThat(deadLetters.list("p")).isEmpty();
            assertThat(sagas.active("saga")).isEmpty();
            assertThat(idempotency).isNotNull();
            assertThat(stores.url()).startsWith("sqlite:");
            assertThat(stores.toString()).isNotBlank();
        }
        try (JdbcStores stores = JdbcStores.open("sqlite:" + dir.resolve("b.db"))) {
            assertThat(stores.events().version("s")).isZero();
        }
        assertThat(JdbcStores.DEFAULT_URL).startsWith("sqlite:");
    }

    @SuppressWarnings("unused")
    static void everyCall() {
        try (JdbcStores fromEnvironment = JdbcStores.fromEnvironment();
             JdbcStores postgres = JdbcStores.postgres("jdbc:postgresql://localhost/db", new Properties())) {
            postgres.events().append("s", java.util.List.of(), ExpectedVersion.any());
        }
    }
}
