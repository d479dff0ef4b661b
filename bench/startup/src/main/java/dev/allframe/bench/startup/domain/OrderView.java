package dev.allframe.bench.startup.domain;

import io.avaje.jsonb.Json;

/**
 * An order as the API shows it.
 *
 * @param id the id
 * @param customer who ordered
 * @param items how many items
 */
@Json
public record OrderView(String id, String customer, int items) {
}
