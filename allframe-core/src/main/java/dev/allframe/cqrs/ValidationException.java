package dev.allframe.cqrs;

import java.util.List;
import java.util.stream.Collectors;

/** A command that failed validation before reaching its handler; answered 422 with the field errors. */
public class ValidationException extends CommandException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /** @param errors the invalid fields, at least one */
    public ValidationException(List<FieldError> errors) {
        super(Kind.UNPROCESSABLE, "Invalid command: " + errors.stream()
                .map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    /** @return the invalid fields */
    public List<FieldError> errors() {
        return errors;
    }
}
