package dev.allframe.http;

import io.avaje.jsonb.Json;

/** A JSON-bound request body for router tests; its adapter is generated at compile time. */
@Json
public record CreateOrder(String customer, int quantity) {
}
