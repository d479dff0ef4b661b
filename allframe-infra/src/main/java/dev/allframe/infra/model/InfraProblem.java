package dev.allframe.infra.model;

import java.util.Objects;

/**
 * One thing wrong with a model.
 *
 * @param element what is wrong, as a path a reader can find ({@code function "orders-http"})
 * @param attribute the attribute ({@code memory}), or empty for the element as a whole
 * @param message what is wrong and what is allowed
 */
public record InfraProblem(String element, String attribute, String message) {
    /** Checks for nulls. */
    public InfraProblem {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return element + (attribute.isEmpty() ? "" : "." + attribute) + ": " + message;
    }
}
