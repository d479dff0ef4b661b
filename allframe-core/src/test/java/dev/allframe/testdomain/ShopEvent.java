package dev.allframe.testdomain;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventTypes;
import io.avaje.jsonb.Json;

/** Events and commands of the test shop that sagas coordinate. */
public sealed interface ShopEvent extends Event {
    /** @return the order */
    String orderId();

    /** @param orderId the order */
    @Json
    record OrderPlaced(String orderId) implements ShopEvent {
    }

    /** @param orderId the order */
    @Json
    record StockReserved(String orderId) implements ShopEvent {
    }

    /** @param orderId the order */
    @Json
    record StockRejected(String orderId) implements ShopEvent {
    }

    /** @param orderId the order */
    @Json
    record StockReleased(String orderId) implements ShopEvent {
    }

    /** @param orderId the order */
    @Json
    record PaymentTaken(String orderId) implements ShopEvent {
    }

    /** @param orderId the order */
    @Json
    record PaymentDeclined(String orderId) implements ShopEvent {
    }

    /** @return the registry */
    static EventTypes<ShopEvent> types() {
        return EventTypes.builder(ShopEvent.class).register(OrderPlaced.class).register(StockReserved.class)
                .register(StockRejected.class).register(StockReleased.class).register(PaymentTaken.class)
                .register(PaymentDeclined.class).build();
    }

    /** @param orderId the order */
    record ReserveStock(String orderId) implements Command {
        @Override
        public String streamId() {
            return "stock-" + orderId;
        }
    }

    /** @param orderId the order */
    record ReleaseStock(String orderId) implements Command {
        @Override
        public String streamId() {
            return "stock-" + orderId;
        }
    }

    /** @param orderId the order */
    record TakePayment(String orderId) implements Command {
        @Override
        public String streamId() {
            return "payment-" + orderId;
        }
    }
}
