package dev.allframe.cqrs;

import java.util.Objects;

/**
 * One invalid field of a command.
 *
 * @param field the field's name (a path such as {@code items[0].sku} for nested values)
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
