package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.Command;
import dev.allframe.events.annotation.FromEventBridge;
import dev.allframe.events.annotation.FromQueue;
import io.avaje.jsonb.Json;

/**
 * What can be asked of an order. Each targets the stream {@code order-<orderId>}. Besides the HTTP routes, the
 * commands arrive as SQS messages on the {@code order-commands} queue (the body is the command's JSON; the
 * {@code command-type} message attribute or a {@code "type"} body field names it), and an order opens when the shop
 * publishes a {@code CheckoutCompleted} event on EventBridge. The generated {@code AllFrameEventRoutes} holds the
 * table.
 */
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
    @Json
    @FromQueue(queue = "order-commands")
    @FromEventBridge(source = "com.example.shop", detailType = "CheckoutCompleted")
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
    @Json
    @FromQueue(queue = "order-commands")
    record AddItem(String orderId, String sku, int quantity, long unitPriceCents) implements OrderCommand {
    }

    /**
     * Submits an order with at least one item; it cannot change afterwards.
     *
     * @param orderId the order
     */
    @Json
    @FromQueue(queue = "order-commands")
    record SubmitOrder(String orderId) implements OrderCommand {
    }
}
