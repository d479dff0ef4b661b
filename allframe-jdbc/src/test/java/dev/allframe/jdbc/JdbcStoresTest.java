package dev.allframe.jdbc;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.idempotency.Claim;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcStoresTest {
    @TempDir
    Path dir;

    private static List<EventData> one() {
        return List.of(new EventData("Tick", "{}".getBytes(), null));
    }

    @Test
    void sqliteDataSurvivesClosingAndReopeningTheFile() {
        String url = "sqlite:" + dir.resolve("nested/dir/app.db");
        try (JdbcStores stores = JdbcStores.open(url)) {
            stores.events().append("s", one(), ExpectedVersion.noStream());
            stores.checkpoints().save("p", 1);
        }
        try (JdbcStores stores = JdbcStores.open(url)) {
            assertThat(stores.events().version("s")).isEqualTo(1);
            assertThat(stores.checkpoints().load("p")).isEqualTo(1);
            assertThat(stores.url()).startsWith("sqlite:").endsWith("app.db");
        }
        assertThat(Files.exists(dir.resolve("nested/dir/app.db"))).isTrue();
    }

    @Test
    void sqliteRunsInWalMode() throws Exception {
        Path file = dir.resolve("wal.db");
        try (JdbcStores stores = JdbcStores.open("sqlite:" + file)) {
            stores.events().append("s", one(), ExpectedVersion.noStream());
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
        }
    }

    @Test
    void memoryUrlGivesInMemoryStores() {
        try (JdbcStores stores = JdbcStores.open("memory:")) {
            assertThat(stores.events()).isInstanceOf(InMemoryEventStoreBackend.class);
        }
    }

    @Test
    void servesEveryStoreThroughTheStoresInterface() {
        try (Stores stores = JdbcStores.open("sqlite:" + dir.resolve("iface.db"))) {
            stores.events().append("s", one(), ExpectedVersion.noStream());
            stores.checkpoints().save("p", 1);
            assertThat(stores.idempotency().claim("sqs:m1", Duration.ofSeconds(30)).acquired()).isTrue();
            assertThat(stores.idempotency().claim("sqs:m1", Duration.ofSeconds(30)).status())
                    .isEqualTo(Claim.Status.IN_PROGRESS);
            assertThat(stores.events()).isSameAs(stores.events());
            assertThat(stores.snapshots()).isSameAs(stores.snapshots());
            assertThat(stores.sagas()).isSameAs(stores.sagas());
            assertThat(stores.url()).startsWith("sqlite:").endsWith("iface.db");
        }
    }

    @Test
    void anUnsupportedUrlIsAClearError() {
        assertThatThrownBy(() -> JdbcStores.open("mysql://x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unsupported store URL 'mysql://x'")
                .hasMessageContaining("sqlite:PATH");
        assertThatThrownBy(() -> JdbcStores.open("sqlite:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no file");
    }

    @Test
    void anUnreachablePostgresIsAClearErrorNotAHang() {
        int port = dev.allframe.testkit.FreePort.pick();
        assertThatThrownBy(() -> JdbcStores.open("jdbc:postgresql://127.0.0.1:" + port + "/x?user=u&password=secret"
                + "&connectTimeout=2"))
                .hasMessageContaining("Cannot open a database connection")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aClosedStoreRefusesWork() {
        JdbcStores stores = JdbcStores.open("sqlite:" + dir.resolve("closed.db"));
        stores.close();
        assertThatThrownBy(() -> stores.events().version("s")).hasMessageContaining("closed");
    }

    @Test
    void storesFromTheEnvironmentOpenSqliteThroughThisModulesProvider() {
        String url = "sqlite:" + dir.resolve("spi/app.db");
        try (Stores stores = Stores.fromEnvironment(
                dev.allframe.inject.Environment.of(java.util.Map.of("ALLFRAME_STORE", url)), "memory:")) {
            assertThat(stores).isInstanceOf(JdbcStores.class);
            stores.events().append("s", one(), ExpectedVersion.noStream());
        }
        try (Stores stores = Stores.fromEnvironment(dev.allframe.inject.Environment.of(java.util.Map.of()), url)) {
            assertThat(stores.events().version("s")).as("the default URL, when nothing is set").isEqualTo(1);
        }
    }
}
