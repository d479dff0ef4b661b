package dev.allframe.infra.model;

import java.util.Objects;

/**
 * An event bus.
 *
 * @param name the logical name
 * @param provider {@code auto}, {@code eventbridge} or {@code pubsub}
 */
public record EventBus(String name, String provider) {
    /** Checks for nulls. */
    public EventBus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }
}
