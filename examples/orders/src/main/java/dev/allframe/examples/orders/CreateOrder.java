package dev.allframe.examples.orders;

import io.avaje.jsonb.Json;

/**
 * The body of {@code POST /orders}.
 *
 * @param customerId who orders; required
 */
@Json
public record CreateOrder(String customerId) {
}
