package dev.allframe.projection;

import dev.allframe.eventstore.StoredEvent;

/** A projection threw on an event pushed through {@link ProjectionRegistry#push}. */
public final class ProjectionPushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String projection;

    ProjectionPushException(String projection, StoredEvent<?> event, Exception cause) {
        super("Projection '" + projection + "' failed on event '" + event.type() + "' of stream '"
                + event.streamId() + "' version " + event.version() + ": " + cause, cause);
        this.projection = projection;
    }

    /** @return the name of the projection that failed */
    public String projection() {
        return projection;
    }
}
