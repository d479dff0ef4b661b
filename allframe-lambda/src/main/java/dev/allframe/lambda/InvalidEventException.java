package dev.allframe.lambda;

/**
 * An invocation payload the Lambda door cannot serve: not JSON ({@link MalformedEventException}) or JSON of a kind
 * it does not recognise ({@link UnsupportedEventException}). Thrown out of the handler so the runtime fails the
 * invocation and reports the exception's class as the {@code errorType} and its message as the
 * {@code errorMessage}; never turned into an HTTP response, because there is no HTTP client to answer.
 */
public class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was wrong with the event, naming the field
     * @param cause the underlying parse failure, or {@code null}
     */
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
