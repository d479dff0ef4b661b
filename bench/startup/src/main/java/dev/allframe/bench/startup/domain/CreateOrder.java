package dev.allframe.bench.startup.domain;

import io.avaje.jsonb.Json;

import java.util.List;

/**
 * The body of {@code POST /orders}.
 *
 * @param customer who orders
 * @param items what
 */
@Json
public record CreateOrder(String customer, List<String> items) {
}
