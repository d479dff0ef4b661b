package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.Command;

/** What can be asked of an order. Each targets the stream {@code order-<orderId>}. */
public sealed interface OrderCommand extends Command {
    /** @return the order */
    String orderId();

    @Override
    default String streamId() {
        return "order-" + orderId();
    }

    /**
     * Opens an order.
     *
     * @param orderId the new order's id
     * @param customerId who orders
     */
    record CreateOrder(String orderId, String customerId) implements OrderCommand {
    }

    /**
     * Adds a line to an open order.
     *
     * @param orderId the order
     * @param sku the product
     * @param quantity how many, 1..1000
     * @param unitPriceCents the unit price in cents, at least 0
     */
    record AddItem(String orderId, String sku, int quantity, long unitPriceCents) implements OrderCommand {
    }

    /**
     * Submits an order with at least one item; it cannot change afterwards.
     *
     * @param orderId the order
     */
    record SubmitOrder(String orderId) implements OrderCommand {
    }
}
