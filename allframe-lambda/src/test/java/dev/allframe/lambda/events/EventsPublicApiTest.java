package dev.allframe.lambda.events;

import dev.allframe.http.Router;
import dev.allframe.idempotency.Claim;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.local.LocalEventsRoutes;
import dev.allframe.json.JsonCodecs;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the whole public API of the event doors, so an API break fails compilation. */
class EventsPublicApiTest {
    @Test
    void theWholePublicApiCompilesAndWorksTogether() {
        Orders orders = new Orders();
        EventRoutes routes = EventRoutes.builder()
                .eventBridge("OrderPlaced", Orders.PlaceOrder.class)
                .eventBridge("com.example", "OrderCancelled", Orders.CancelOrder.class)
                .sqs("q", Orders.PlaceOrder.class)
                .sqs("q", "cancel", Orders.CancelOrder.class)
                .sns("t", Orders.PlaceOrder.class)
                .sns("t", "cancel", Orders.CancelOrder.class)
                .selectorAttribute(EventRoutes.DEFAULT_ATTRIBUTE)
                .selectorField(EventRoutes.DEFAULT_FIELD)
                .include(EventRoutes.builder().sqs("other", Orders.PlaceOrder.class).build())
                .build();
        assertThat(routes.selectorAttribute()).isEqualTo("command-type");
        assertThat(routes.selectorField()).isEqualTo("type");
        assertThat(routes.eventBridgeDetailTypes()).containsExactlyInAnyOrder("OrderPlaced", "OrderCancelled");
        assertThat(routes.queue("other")).containsOnlyKeys("PlaceOrder");
        assertThat(routes.topic("t")).hasSize(2);
        ProjectionRegistry<Orders.OrderEvent> projections =
                ProjectionRegistry.builder(orders.store, CheckpointStore.inMemory()).build();
        S3Handler s3 = n -> { };
        IdempotencyStore idempotency = IdempotencyStore.inMemory();
        EventSources sources = EventSources.builder()
                .routes(routes)
                .commandBus(orders.bus)
                .idempotency(idempotency)
                .idempotencyTimes(Duration.ofMinutes(1), Duration.ofHours(1))
                .codec(JsonCodecs.defaultCodec())
                .projections(orders.store, projections)
                .s3(s3)
                .build();
        AllFrameHandler handler = AllFrameHandler.of(() -> Router.builder().build(), () -> sources);
        Router local = LocalEventsRoutes.register(Router.builder(), handler).build();
        assertThat(local).isNotNull();
        Router withReplay = LocalEventsRoutes.register(Router.builder(), handler,
                dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend.create()).build();
        assertThat(withReplay.routes()).hasSize(local.routes().size() + 1);
        assertThat(LocalEventsRoutes.PATH).isEqualTo("/_allframe/events");
        assertThat(EventSourceKind.of(java.util.Map.of("detail-type", "x", "source", "s", "detail", java.util.Map.of())))
                .isEqualTo(EventSourceKind.EVENTBRIDGE);
        assertThat(EventSourceKind.of("not an event")).isNull();
        S3Notification n = new S3Notification("ObjectCreated:Put", "b", "k", 1, "e", "s", null, Instant.EPOCH, "r");
        assertThat(n.created()).isTrue();
        assertThat(n.removed()).isFalse();
        EventDispatchException e = new EventDispatchException("m", List.of("id"), null);
        assertThat(e.failedIds()).containsExactly("id");
        Claim claim = idempotency.claim("k", Duration.ofSeconds(1));
        assertThat(claim.acquired()).isTrue();
        assertThat(idempotency.complete(claim, Duration.ofSeconds(1))).isTrue();
        idempotency.release(idempotency.claim("j", Duration.ofSeconds(1)));
    }
}
