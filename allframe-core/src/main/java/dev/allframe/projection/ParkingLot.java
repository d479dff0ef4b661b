package dev.allframe.projection;

import dev.allframe.eventstore.RecordedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One consumer's view of its {@link DeadLetterStore}: parks and removes its entries and keeps an index of them
 * (position, stream, version), loaded from the store on first use, so the status of a projection and the check
 * "was this event parked?" after each applied event cost no store call. Entries parked or removed by another
 * process show up after {@link #list()} (which reloads). Thread-safe. Plain loops over a list, no sorted collection
 * or comparator lambdas: this runs in a Lambda function's first catch-up, and parked events are few.
 */
final class ParkingLot {
    /** The longest error message kept. */
    static final int MAX_MESSAGE = 4000;

    private record Key(long position, String streamId, long version) {
        boolean is(String otherStream, long otherVersion) {
            return version == otherVersion && streamId.equals(otherStream);
        }
    }

    private final DeadLetterStore store;
    private final String consumer;
    private List<Key> index;

    ParkingLot(DeadLetterStore store, String consumer) {
        this.store = Objects.requireNonNull(store, "deadLetters");
        this.consumer = consumer;
    }

    /** Parks an event with the error it failed with, after that many attempts (added to earlier ones). */
    synchronized void park(RecordedEvent r, Throwable error, int attempts) {
        store.park(new ParkedEvent(consumer, r.globalPosition(), r.streamId(), r.version(), r.type(), r.payload(),
                error.getClass().getName(), message(error), attempts, Instant.now()));
        forget(r.streamId(), r.version());
        index.add(new Key(r.globalPosition(), r.streamId(), r.version()));
    }

    /** Removes the entry of an event if there is one (it has been applied, or an operator skips it). */
    synchronized boolean remove(String streamId, long version) {
        boolean known = forget(streamId, version);
        return store.remove(consumer, streamId, version) || known;
    }

    /** @return whether the event is parked, as this process knows */
    synchronized boolean contains(String streamId, long version) {
        for (Key k : index()) {
            if (k.is(streamId, version)) {
                return true;
            }
        }
        return false;
    }

    /** @return the entries, from the store, in global order; the index is refreshed from them */
    synchronized List<ParkedEvent> list() {
        List<ParkedEvent> all = store.list(consumer);
        List<Key> keys = new ArrayList<>(all.size());
        for (ParkedEvent p : all) {
            keys.add(new Key(p.globalPosition(), p.streamId(), p.version()));
        }
        index = keys;
        return all;
    }

    synchronized long count() {
        return index().size();
    }

    /** @return the global position of the first entry, 0 if none */
    synchronized long first() {
        List<Key> keys = index();
        if (keys.isEmpty()) {
            return 0;
        }
        long first = Long.MAX_VALUE;
        for (Key k : keys) {
            first = Math.min(first, k.position);
        }
        return first;
    }

    /** Removes every entry (a rebuild replays all events). */
    synchronized void clear() {
        for (ParkedEvent p : list()) {
            store.remove(consumer, p.streamId(), p.version());
        }
        index.clear();
    }

    /**
     * @return the error's message, cut to {@value #MAX_MESSAGE} characters (a DynamoDB item holds the payload too)
     *         and without NUL characters (PostgreSQL text refuses them)
     */
    static String message(Throwable error) {
        String m = error.getMessage();
        if (m == null) {
            return "";
        }
        m = m.replace('\u0000', '\uFFFD');
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE - 3) + "...";
    }

    /** @return whether the index held the event */
    private boolean forget(String streamId, long version) {
        List<Key> keys = index();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).is(streamId, version)) {
                keys.remove(i);
                return true;
            }
        }
        return false;
    }

    private List<Key> index() {
        if (index == null) {
            list();
        }
        return index;
    }
}
