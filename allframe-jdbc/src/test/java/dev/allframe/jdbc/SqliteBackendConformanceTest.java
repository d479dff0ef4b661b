package dev.allframe.jdbc;

import dev.allframe.testkit.eventstore.EventStoreBackendContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite backend passes the conformance kit, each test on a new database file. */
class SqliteBackendConformanceTest extends EventStoreBackendContract {
    @TempDir
    Path dir;

    @Override
    protected Fixture createFixture() {
        return JdbcFixture.of(JdbcStores.open("sqlite:" + dir.resolve("events.db")), () -> { });
    }
}
