package dev.allframe.cqrs;

import java.util.List;

/**
 * Checks a command's fields before its handler runs; any error stops the dispatch with a
 * {@link ValidationException}.
 *
 * @param <C> the command type
 */
@FunctionalInterface
public interface Validator<C> {
    /**
     * @param command the command
     * @return the invalid fields, empty if none
     */
    List<FieldError> validate(C command);
}
