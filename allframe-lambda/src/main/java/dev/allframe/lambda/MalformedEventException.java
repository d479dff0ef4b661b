package dev.allframe.lambda;

/** The event is not valid JSON, is not a JSON object, or a field the payload format requires is missing or mistyped. */
public final class MalformedEventException extends InvalidEventException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong, naming the field (for example {@code requestContext.http.method})
     * @param cause the JSON library's exception, or {@code null}
     */
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
