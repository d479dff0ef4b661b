package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.events.annotation.FromEventBridge;
import dev.allframe.events.annotation.FromQueue;
import io.avaje.jsonb.Json;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A small order domain for the event-door tests: commands, events, a stateless handler, a real in-memory store. */
final class Orders {
    sealed interface OrderCommand extends Command {
        String orderId();

        @Override
        default String streamId() {
            return "order-" + orderId();
        }
    }

    /** Customer "reject" is refused by the business rule; customer "slow" waits on {@link #gate}. */
    @Json
    @FromEventBridge(detailType = "OrderPlaced", source = "com.example.shop")
    @FromQueue(queue = "orders-queue")
    record PlaceOrder(String orderId, String customer) implements OrderCommand {
    }

    @Json
    @FromQueue(queue = "orders-queue", name = "cancel")
    record CancelOrder(String orderId, String reason) implements OrderCommand {
    }

    sealed interface OrderEvent extends Event {
    }

    @Json
    record OrderPlaced(String orderId, String customer) implements OrderEvent {
    }

    @Json
    record OrderCancelled(String orderId, String reason) implements OrderEvent {
    }

    static EventTypes<OrderEvent> types() {
        return EventTypes.builder(OrderEvent.class).register(OrderPlaced.class).register(OrderCancelled.class).build();
    }

    final EventStore<OrderEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), types());
    volatile CountDownLatch gate = new CountDownLatch(0);
    final CountDownLatch slowStarted = new CountDownLatch(1);
    final java.util.concurrent.atomic.AtomicInteger flakyFailures = new java.util.concurrent.atomic.AtomicInteger();

    final CommandBus<OrderEvent> bus = CommandBus.builder(store)
            .register(PlaceOrder.class, (PlaceOrder c) -> {
                if (c.customer().equals("reject")) {
                    throw CommandException.unprocessable("customer 'reject' may not order");
                }
                if (c.customer().equals("flaky") && flakyFailures.getAndIncrement() == 0) {
                    throw new IllegalStateException("the first attempt of a flaky order fails");
                }
                if (c.customer().equals("slow")) {
                    slowStarted.countDown();
                    try {
                        if (!gate.await(10, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("gate never opened");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                return List.<OrderEvent>of(new OrderPlaced(c.orderId(), c.customer()));
            })
            .register(CancelOrder.class, (CancelOrder c) -> List.<OrderEvent>of(new OrderCancelled(c.orderId(),
                    c.reason())))
            .build();

    /** @return every appended event, in global order */
    List<StoredEvent<OrderEvent>> all() {
        try (var s = store.readAll(1)) {
            return s.toList();
        }
    }

    static EventRoutes routes() {
        return EventRoutes.builder()
                .eventBridge("com.example.shop", "OrderPlaced", PlaceOrder.class)
                .sqs("orders-queue", PlaceOrder.class)
                .sqs("orders-queue", "cancel", CancelOrder.class)
                .sqs("orders.fifo", PlaceOrder.class)
                .sns("order-events", PlaceOrder.class)
                .sns("order-events", "cancel", CancelOrder.class)
                .build();
    }
}
