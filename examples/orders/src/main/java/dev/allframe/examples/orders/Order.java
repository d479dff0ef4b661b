package dev.allframe.examples.orders;

import io.avaje.jsonb.Json;

/**
 * An order as the API shows it.
 *
 * @param id the order's id
 * @param customerId who ordered
 * @param status the order's status, {@code "OPEN"} when created
 */
@Json
public record Order(String id, String customerId, String status) {
}
