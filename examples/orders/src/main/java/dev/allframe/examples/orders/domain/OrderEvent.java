package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventTypes;
import io.avaje.jsonb.Json;

/** What happened to an order. Stored under the simple class names. */
public sealed interface OrderEvent extends Event {
    /** @return the order */
    String orderId();

    /**
     * @param orderId the order
     * @param customerId who ordered
     */
    @Json
    record OrderCreated(String orderId, String customerId) implements OrderEvent {
    }

    /**
     * @param orderId the order
     * @param sku the product
     * @param quantity how many
     * @param unitPriceCents the unit price in cents
     */
    @Json
    record ItemAdded(String orderId, String sku, int quantity, long unitPriceCents) implements OrderEvent {
    }

    /** @param orderId the order */
    @Json
    record OrderSubmitted(String orderId) implements OrderEvent {
    }

    /** @return the registry of order event types */
    static EventTypes<OrderEvent> types() {
        return EventTypes.builder(OrderEvent.class)
                .register(OrderCreated.class)
                .register(ItemAdded.class)
                .register(OrderSubmitted.class)
                .build();
    }
}
