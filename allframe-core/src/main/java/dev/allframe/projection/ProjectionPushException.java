package dev.allframe.projection;

import dev.allframe.eventstore.StoredEvent;

/** A projection threw on an event pushed through {@link ProjectionRegistry#push}. */
public final class ProjectionPushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String projection;

    ProjectionPushException(String projection, StoredEvent<?> event, Throwable cause) {
        this(projection, event.type(), event.streamId(), event.version(), cause);
    }

    ProjectionPushException(String projection, String type, String streamId, long version, Throwable cause) {
        super("Projection '" + projection + "' failed on event '" + type + "' of stream '" + streamId + "' version "
                + version + ": " + cause, cause);
        this.projection = projection;
    }

    /** @return the name of the projection that failed */
    public String projection() {
        return projection;
    }
}
