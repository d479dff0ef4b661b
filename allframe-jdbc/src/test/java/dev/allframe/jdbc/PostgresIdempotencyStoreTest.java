package dev.allframe.jdbc;

import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.testkit.idempotency.IdempotencyStoreContract;
import dev.allframe.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The PostgreSQL idempotency store passes the conformance kit against a real server, each test in a new database. */
class PostgresIdempotencyStoreTest extends IdempotencyStoreContract {
    static PostgresServer server;
    private final List<JdbcStores> opened = new ArrayList<>();

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
    protected IdempotencyStore createStore(Clock clock) {
        JdbcStores stores = JdbcStores.open(server.createDatabase());
        opened.add(stores);
        return stores.idempotency(clock);
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcStores::close);
    }
}
