package dev.allframe.examples.orders.summary;

import io.avaje.jsonb.Json;

import java.util.List;

/**
 * An order as the API shows it.
 *
 * @param id the order
 * @param customerId who ordered
 * @param status {@code OPEN} or {@code SUBMITTED}
 * @param items the lines
 * @param totalCents the sum of quantity times unit price
 * @param version the order stream's version this summary reflects
 */
@Json
public record OrderSummary(String id, String customerId, String status, List<Line> items, long totalCents,
                           long version) {
    /**
     * One line.
     *
     * @param sku the product
     * @param quantity how many
     * @param unitPriceCents the unit price in cents
     */
    @Json
    public record Line(String sku, int quantity, long unitPriceCents) {
    }
}
