package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.Command;
import dev.allframe.events.annotation.FromEventBridge;
import dev.allframe.events.annotation.FromQueue;
import io.avaje.jsonb.Json;
import io.avaje.validation.constraints.Max;
import io.avaje.validation.constraints.Min;
import io.avaje.validation.constraints.NotBlank;
import io.avaje.validation.constraints.NotNull;
import io.avaje.validation.constraints.PositiveOrZero;
import io.avaje.validation.constraints.Valid;

/**
 * What can be asked of an order. Each targets the stream {@code order-<orderId>}. Besides the HTTP routes, the
 * commands arrive as SQS messages on the {@code order-commands} queue (the body is the command's JSON; the
 * {@code command-type} message attribute or a {@code "type"} body field names it), and an order opens when the shop
 * publishes a {@code CheckoutCompleted} event on EventBridge. The generated {@code AllFrameEventRoutes} holds the
 * table. Each command declares its rules once, here; the command bus checks them whichever door the command came
 * through, so an invalid command is a 422 on HTTP and a failed message with its reason on a queue, and is never
 * stored.
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
    @Valid
    @FromQueue(queue = "order-commands")
    @FromEventBridge(source = "com.example.shop", detailType = "CheckoutCompleted")
    record CreateOrder(@NotBlank String orderId, @NotBlank String customerId) implements OrderCommand {
    }

    /**
     * Adds a line to an open order.
     *
     * @param orderId the order
     * @param sku the product
     * @param quantity how many, 1..1000; required (boxed, so a missing number is an error and not a 0)
     * @param unitPriceCents the unit price in cents, at least 0; required
     */
    @Json
    @Valid
    @FromQueue(queue = "order-commands")
    record AddItem(@NotBlank String orderId, @NotBlank String sku, @NotNull @Min(1) @Max(1000) Integer quantity,
                   @NotNull @PositiveOrZero Long unitPriceCents) implements OrderCommand {
    }

    /**
     * Submits an order with at least one item; it cannot change afterwards.
     *
     * @param orderId the order
     */
    @Json
    @Valid
    @FromQueue(queue = "order-commands")
    record SubmitOrder(@NotBlank String orderId) implements OrderCommand {
    }
}
