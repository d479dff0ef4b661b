package dev.allframe.cli.testfn;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.events.EventRoutes;
import dev.allframe.lambda.events.EventSources;
import io.avaje.jsonb.Json;

import java.util.List;

/** A function as a user writes it: HTTP routes and event sources behind one handler class. */
public final class OrdersFunction extends AllFrameHandler {
    /** The events every instance appended, so tests can count them. */
    public static final EventStore<Placed> STORE = EventStore.create(InMemoryEventStoreBackend.create(),
            EventTypes.builder(Placed.class).register(Placed.class).build());

    /** @param orderId the order @param customer who */
    @Json
    public record PlaceOrder(String orderId, String customer) implements Command {
        @Override
        public String streamId() {
            return "order-" + orderId;
        }
    }

    /** @param orderId the order @param customer who */
    @Json
    public record Placed(String orderId, String customer) implements Event {
    }

    /** The runtime's constructor. */
    public OrdersFunction() {
        super(() -> Router.builder().get("/ping", r -> Response.text("pong")).build(),
                () -> EventSources.builder()
                        .routes(EventRoutes.builder().sqs("orders-queue", PlaceOrder.class)
                                .eventBridge("OrderPlaced", PlaceOrder.class).build())
                        .commandBus(CommandBus.builder(STORE).register(PlaceOrder.class,
                                (PlaceOrder c) -> List.of(new Placed(c.orderId(), c.customer()))).build())
                        .idempotency(IdempotencyStore.inMemory())
                        .build());
    }
}
