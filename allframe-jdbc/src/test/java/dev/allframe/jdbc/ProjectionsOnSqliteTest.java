package dev.allframe.jdbc;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.Subscription;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.testkit.eventstore.SampleEvent;
import dev.allframe.testkit.eventstore.SampleEvent.Deposited;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Projections and subscriptions over a durable SQLite store shared by two processes' worth of objects. */
class ProjectionsOnSqliteTest {
    @TempDir
    Path dir;

    private static EventStore<SampleEvent> store(JdbcStores stores) {
        return EventStore.create(stores.events(), SampleEvent.types());
    }

    @Test
    void aSubscriptionFollowsAppendsMadeByAnotherProcessByPolling() throws Exception {
        String url = "sqlite:" + dir.resolve("shared.db");
        try (JdbcStores writer = JdbcStores.open(url); JdbcStores reader = JdbcStores.open(url)) {
            List<Long> amounts = new CopyOnWriteArrayList<>();
            try (Subscription s = store(reader).subscribe(1,
                    e -> amounts.add(((Deposited) e.event()).amount()), Duration.ofMillis(20))) {
                long last = 0;
                for (int i = 1; i <= 3; i++) {
                    last = store(writer).appendEvents("acc", List.of(new Deposited("a", i, "EUR")),
                            ExpectedVersion.any(), dev.allframe.eventstore.Metadata.empty()).get(0).globalPosition();
                }
                assertThat(s.awaitPosition(last, Duration.ofSeconds(10))).isTrue();
            }
            assertThat(amounts).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void aRestartedProjectionContinuesFromItsDurableCheckpoint() {
        String url = "sqlite:" + dir.resolve("projection.db");
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (JdbcStores stores = JdbcStores.open(url)) {
            store(stores).append("acc", List.of(new Deposited("a", 1, "EUR"), new Deposited("a", 2, "EUR")),
                    ExpectedVersion.noStream());
            ProjectionRegistry.builder(store(stores), stores.checkpoints())
                    .register("totals", (StoredEvent<SampleEvent> e) -> seen.add(e.version())).build().catchUp();
        }
        try (JdbcStores stores = JdbcStores.open(url)) {
            store(stores).append("acc", List.of(new Deposited("a", 3, "EUR")), ExpectedVersion.exactly(2));
            ProjectionRegistry<SampleEvent> registry = ProjectionRegistry.builder(store(stores), stores.checkpoints())
                    .register("totals", (StoredEvent<SampleEvent> e) -> seen.add(e.version())).build();
            assertThat(registry.catchUp().get(0).position()).isEqualTo(3);
        }
        assertThat(seen).containsExactly(1L, 2L, 3L);
    }
}
