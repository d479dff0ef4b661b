package dev.allframe.lambda;

/**
 * The event is JSON but not an HTTP event from API Gateway (REST or HTTP API), a Function URL or an Application
 * Load Balancer, for example an SQS batch sent to the HTTP door.
 */
public final class UnsupportedEventException extends InvalidEventException {
    private static final long serialVersionUID = 1L;

    /** @param message what was received and what was expected */
    public UnsupportedEventException(String message) {
        super(message, null);
    }
}
