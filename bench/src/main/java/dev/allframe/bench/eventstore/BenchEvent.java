package dev.allframe.bench.eventstore;

import io.avaje.jsonb.Json;

/**
 * The benchmark's event: about 120 bytes of JSON, like a small domain event.
 *
 * @param orderId the order
 * @param sku the item
 * @param quantity how many
 * @param priceCents the unit price
 */
@Json
public record BenchEvent(String orderId, String sku, int quantity, long priceCents) {
}
