package dev.allframe.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeadLetterStore} in a map. */
final class InMemoryDeadLetterStore implements DeadLetterStore {
    /** Global order, then stream and version: the order every store lists in. A named class, not comparator
     * lambdas: {@code memory:} stores serve Lambda functions too, where each lambda is a class spun at start. */
    private static final class Order implements Comparator<ParkedEvent> {
        @Override
        public int compare(ParkedEvent a, ParkedEvent b) {
            int c = Long.compare(a.globalPosition(), b.globalPosition());
            if (c == 0) {
                c = a.streamId().compareTo(b.streamId());
            }
            return c != 0 ? c : Long.compare(a.version(), b.version());
        }
    }

    private record Key(String consumer, String streamId, long version) {
    }

    private final Map<Key, ParkedEvent> entries = new ConcurrentHashMap<>();

    @Override
    public void park(ParkedEvent event) {
        Objects.requireNonNull(event, "event");
        Key key = new Key(event.consumer(), event.streamId(), event.version());
        synchronized (entries) {
            ParkedEvent old = entries.get(key);
            entries.put(key, old == null ? event : new ParkedEvent(event.consumer(), event.globalPosition(),
                    event.streamId(), event.version(), event.type(), event.payload(), event.errorClass(),
                    event.errorMessage(), old.attempts() + event.attempts(), event.parkedAt()));
        }
    }

    @Override
    public List<ParkedEvent> list(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        List<ParkedEvent> out = new ArrayList<>();
        for (ParkedEvent e : entries.values()) {
            if (e.consumer().equals(consumer)) {
                out.add(e);
            }
        }
        out.sort(new Order());
        return out;
    }

    @Override
    public boolean remove(String consumer, String streamId, long version) {
        return entries.remove(new Key(Objects.requireNonNull(consumer, "consumer"),
                Objects.requireNonNull(streamId, "streamId"), version)) != null;
    }
}
