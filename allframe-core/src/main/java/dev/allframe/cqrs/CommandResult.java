package dev.allframe.cqrs;

import dev.allframe.eventstore.StoredEvent;

import java.util.List;

/**
 * The outcome of a dispatched command.
 *
 * @param streamId the stream
 * @param version the stream's version after the command (unchanged if no events)
 * @param events the events appended, with versions and global positions; empty if none
 * @param <E> the event base type
 */
public record CommandResult<E>(String streamId, long version, List<StoredEvent<E>> events) {
    public CommandResult {
        events = List.copyOf(events);
    }

    /** @return the global position of the last appended event, 0 if none (wait for projections up to it) */
    public long lastGlobalPosition() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).globalPosition();
    }
}
