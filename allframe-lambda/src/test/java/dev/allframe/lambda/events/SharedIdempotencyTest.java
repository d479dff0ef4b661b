package dev.allframe.lambda.events;

import dev.allframe.http.Router;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.lambda.AllFrameHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two function instances (two Lambda execution environments) sharing one SQLite idempotency store: the same
 * EventBridge event delivered to both at once appends once, the loser fails for a retry that then succeeds as a
 * duplicate, and a redelivery after success appends nothing.
 */
class SharedIdempotencyTest {
    @TempDir
    Path dir;

    @Test
    void racingDeliveriesToTwoInstancesAppendOnce() throws Exception {
        Orders orders = new Orders();
        orders.gate = new CountDownLatch(1);
        Path db = dir.resolve("idem.db");
        try (JdbcStores first = JdbcStores.sqlite(db); JdbcStores second = JdbcStores.sqlite(db)) {
            AllFrameHandler a = AllFrameHandler.of(() -> Router.builder().build(), () -> EventSources.builder()
                    .routes(Orders.routes()).commandBus(orders.bus).idempotency(first.idempotency()).build());
            AllFrameHandler b = AllFrameHandler.of(() -> Router.builder().build(), () -> EventSources.builder()
                    .routes(Orders.routes()).commandBus(orders.bus).idempotency(second.idempotency()).build());
            byte[] event = EventSourcesTest.fixture("eventbridge-order-placed.json").replace("carol", "slow")
                    .getBytes(StandardCharsets.UTF_8);
            String[] winner = new String[1];
            Thread t = Thread.ofPlatform().start(() -> winner[0] = new String(a.handle(event, null),
                    StandardCharsets.UTF_8));
            assertThat(orders.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> b.handle(event, null)).isInstanceOf(EventDispatchException.class)
                    .hasMessageContaining("another delivery of eventbridge:6a7e8feb-b491-4cf7-a9f1-bf3703467718 is"
                            + " being processed");
            orders.gate.countDown();
            t.join(10_000);
            assertThat(winner[0]).contains("\"outcome\":\"dispatched\"");
            assertThat(new String(b.handle(event, null), StandardCharsets.UTF_8)).contains("\"outcome\":\"duplicate\"");
            assertThat(new String(a.handle(event, null), StandardCharsets.UTF_8)).contains("\"outcome\":\"duplicate\"");
        }
        try (JdbcStores reopened = JdbcStores.sqlite(db)) {
            AllFrameHandler c = AllFrameHandler.of(() -> Router.builder().build(), () -> EventSources.builder()
                    .routes(Orders.routes()).commandBus(orders.bus).idempotency(reopened.idempotency()).build());
            byte[] event = EventSourcesTest.fixture("eventbridge-order-placed.json").replace("carol", "slow")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(new String(c.handle(event, null), StandardCharsets.UTF_8)).contains("\"outcome\":\"duplicate\"");
        }
        assertThat(orders.all()).singleElement().satisfies(e -> assertThat(e.streamId()).isEqualTo("order-eb-1"));
    }
}
