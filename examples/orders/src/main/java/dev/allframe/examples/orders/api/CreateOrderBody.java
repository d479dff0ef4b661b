package dev.allframe.examples.orders.api;

import io.avaje.jsonb.Json;

/**
 * The body of {@code POST /orders}.
 *
 * @param customerId who orders; required
 * @param orderId the id to use, or {@code null} to have one generated
 */
@Json
public record CreateOrderBody(String customerId, String orderId) {
}
