package dev.allframe.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link DeadLetterStore} in a map. */
final class InMemoryDeadLetterStore implements DeadLetterStore {
    /** Global order, then stream and version: the order every store lists in. */
    static final Comparator<ParkedEvent> ORDER = Comparator.comparingLong(ParkedEvent::globalPosition)
            .thenComparing(ParkedEvent::streamId).thenComparingLong(ParkedEvent::version);

    private record Key(String consumer, String streamId, long version) {
    }

    private final Map<Key, ParkedEvent> entries = new ConcurrentHashMap<>();

    @Override
    public void park(ParkedEvent event) {
        Objects.requireNonNull(event, "event");
        entries.merge(new Key(event.consumer(), event.streamId(), event.version()), event,
                (old, now) -> new ParkedEvent(now.consumer(), now.globalPosition(), now.streamId(), now.version(),
                        now.type(), now.payload(), now.errorClass(), now.errorMessage(),
                        old.attempts() + now.attempts(), now.parkedAt()));
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
        out.sort(ORDER);
        return out;
    }

    @Override
    public boolean remove(String consumer, String streamId, long version) {
        return entries.remove(new Key(Objects.requireNonNull(consumer, "consumer"),
                Objects.requireNonNull(streamId, "streamId"), version)) != null;
    }
}
