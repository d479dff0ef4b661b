package dev.allframe.testdomain;

import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventType;
import io.avaje.jsonb.Json;

/** Events of the test cart aggregate. */
public sealed interface CartEvent extends Event {
    /** @return the cart */
    String cartId();

    /** Opened. @param cartId the cart @param owner its owner */
    @Json
    record CartOpened(String cartId, String owner) implements CartEvent {
    }

    /** Item added. @param cartId the cart @param sku the item @param qty how many */
    @Json
    @EventType("ItemAdded.v2")
    record ItemAdded(String cartId, String sku, int qty) implements CartEvent {
    }

    /** Checked out. @param cartId the cart */
    @Json
    record CheckedOut(String cartId) implements CartEvent {
    }

    /** The types and the upcaster from v1 item events, which had no quantity. @return the registry */
    static dev.allframe.eventstore.EventTypes<CartEvent> types() {
        return dev.allframe.eventstore.EventTypes.builder(CartEvent.class)
                .register(CartOpened.class)
                .register(ItemAdded.class)
                .register(CheckedOut.class)
                .upcaster(dev.allframe.eventstore.Upcasters.json("ItemAdded", "ItemAdded.v2", m -> {
                    m.putIfAbsent("qty", 1);
                    return m;
                }))
                .build();
    }
}
