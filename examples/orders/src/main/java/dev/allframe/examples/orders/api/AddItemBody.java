package dev.allframe.examples.orders.api;

import io.avaje.jsonb.Json;

/**
 * The body of {@code POST /orders/{id}/items}.
 *
 * @param sku the product; required
 * @param quantity how many, 1..1000; required
 * @param unitPriceCents the unit price in cents, at least 0; required
 */
@Json
public record AddItemBody(String sku, Integer quantity, Long unitPriceCents) {
}
