package dev.allframe.examples.orders.summary;

import dev.allframe.eventstore.StoredEvent;
import dev.allframe.examples.orders.domain.OrderEvent;
import dev.allframe.handler.annotation.ProjectionHandler;
import dev.allframe.projection.Projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one {@link OrderSummary} per order in memory. Its checkpoint is kept in memory too, so every start rebuilds
 * it from the durable event store. Applying an event at or below the version already reflected is a no-op, so
 * redelivery is harmless. {@code apply} is synchronized: besides the registry's worker, the DynamoDB Streams door
 * ({@code OrdersEvents}) may push events to the same instance, and a read-modify-write must not interleave.
 */
@ProjectionHandler(OrderSummaryProjection.NAME)
public final class OrderSummaryProjection implements Projection<OrderEvent> {
    /** The projection's name in the registry. */
    public static final String NAME = "order-summary";

    private final Map<String, OrderSummary> summaries = new ConcurrentHashMap<>();

    /**
     * @param orderId an order
     * @return its summary, if the order exists
     */
    public Optional<OrderSummary> get(String orderId) {
        return Optional.ofNullable(summaries.get(orderId));
    }

    /**
     * @throws IllegalArgumentException for an event without an order id, or one of an order it has not seen created
     *         (the registry parks such an event and goes on)
     */
    @Override
    public synchronized void apply(StoredEvent<OrderEvent> stored) {
        OrderEvent event = stored.event();
        if (event.orderId() == null) {
            throw new IllegalArgumentException(stored.type() + " of stream '" + stored.streamId() + "' version "
                    + stored.version() + " has no orderId");
        }
        OrderSummary current = summaries.get(event.orderId());
        if (current != null && current.version() >= stored.version()) {
            return;
        }
        // instanceof, not a pattern switch: see OrderDecider (a type switch's first run costs a cold start).
        OrderSummary next;
        if (event instanceof OrderEvent.OrderCreated c) {
            next = new OrderSummary(c.orderId(), c.customerId(), "OPEN", List.of(), 0, stored.version());
        } else if (current == null) {
            throw new IllegalArgumentException(stored.type() + " of stream '" + stored.streamId() + "' version "
                    + stored.version() + " is for order '" + event.orderId() + "', which has no OrderCreated");
        } else if (event instanceof OrderEvent.ItemAdded a) {
            List<OrderSummary.Line> items = new ArrayList<>(current.items());
            items.add(new OrderSummary.Line(a.sku(), a.quantity(), a.unitPriceCents()));
            next = new OrderSummary(current.id(), current.customerId(), current.status(), List.copyOf(items),
                    current.totalCents() + a.quantity() * a.unitPriceCents(), stored.version());
        } else if (event instanceof OrderEvent.OrderSubmitted) {
            next = new OrderSummary(current.id(), current.customerId(), "SUBMITTED", current.items(),
                    current.totalCents(), stored.version());
        } else {
            throw new IllegalArgumentException("Unknown order event " + event);
        }
        summaries.put(next.id(), next);
    }

    @Override
    public void reset() {
        summaries.clear();
    }
}
