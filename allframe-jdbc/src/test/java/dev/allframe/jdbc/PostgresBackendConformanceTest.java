package dev.allframe.jdbc;

import dev.allframe.testkit.eventstore.EventStoreBackendContract;
import dev.allframe.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL backend passes the conformance kit against a real server, each test in a new database. */
class PostgresBackendConformanceTest extends EventStoreBackendContract {
    static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Fixture createFixture() {
        return JdbcFixture.of(JdbcStores.open(server.createDatabase()), () -> { });
    }
}
