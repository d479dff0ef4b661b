package dev.allframe.eventstore;

/** A failure of the event store; subclasses say what failed. The message is fit for an operator to read. */
public class EventStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed */
    public EventStoreException(String message) {
        super(message);
    }

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
