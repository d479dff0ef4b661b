package dev.allframe.eventstore;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@link EventStore} over a backend: JSON payloads, registry names, upcasting on read; the backend is wrapped in a
 * {@link CheckedBackend}, which checks input, refuses global reads it cannot answer and wakes waiters on appends.
 */
final class DefaultEventStore<E> implements EventStore<E> {
    static final int PAGE = 500;

    private final CheckedBackend backend;
    private final EventTypes<E> types;
    private final JsonCodec codec;

    DefaultEventStore(EventStoreBackend backend, EventTypes<E> types, JsonCodec codec) {
        this.backend = CheckedBackend.of(backend);
        this.types = Objects.requireNonNull(types, "types");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public List<StoredEvent<E>> appendEvents(String streamId, List<? extends E> events, ExpectedVersion expected,
                                             Metadata metadata) {
        Objects.requireNonNull(events, "events");
        List<EventData> data = new ArrayList<>(events.size());
        for (E event : events) {
            Objects.requireNonNull(event, "event");
            data.add(new EventData(types.nameOf(event), codec.write(event), metadata));
        }
        List<RecordedEvent> recorded = backend.append(streamId, data, expected);
        List<StoredEvent<E>> stored = new ArrayList<>(recorded.size());
        for (int i = 0; i < recorded.size(); i++) {
            RecordedEvent r = recorded.get(i);
            stored.add(new StoredEvent<>(r.streamId(), r.version(), r.globalPosition(), r.type(), events.get(i),
                    r.metadata(), r.timestamp()));
        }
        return List.copyOf(stored);
    }

    @Override
    public List<StoredEvent<E>> read(String streamId, long fromVersion) {
        List<RecordedEvent> recorded = backend.read(streamId, fromVersion);
        List<StoredEvent<E>> out = new ArrayList<>(recorded.size());
        for (RecordedEvent r : recorded) {
            out.add(decode(r));
        }
        return out;
    }

    @Override
    public Stream<StoredEvent<E>> readAll(long fromGlobalPosition) {
        backend.capabilities().requireGlobalOrder(); // refused here, not at the stream's first element
        Iterator<StoredEvent<E>> pages = new Iterator<>() {
            long next = fromGlobalPosition;
            Iterator<RecordedEvent> page = List.<RecordedEvent>of().iterator();
            boolean exhausted;

            @Override
            public boolean hasNext() {
                if (!page.hasNext() && !exhausted) {
                    List<RecordedEvent> batch = backend.readAll(next, PAGE);
                    exhausted = batch.size() < PAGE;
                    if (!batch.isEmpty()) {
                        next = batch.get(batch.size() - 1).globalPosition() + 1;
                    }
                    page = batch.iterator();
                }
                return page.hasNext();
            }

            @Override
            public StoredEvent<E> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return decode(page.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public long version(String streamId) {
        return backend.version(streamId);
    }

    @Override
    public Subscription subscribe(long fromGlobalPosition, EventConsumer<E> consumer, Duration pollInterval) {
        backend.capabilities().requireGlobalOrder();
        return CatchUpSubscription.start(this, fromGlobalPosition, consumer, pollInterval);
    }

    @Override
    public StoredEvent<E> decode(RecordedEvent r) {
        EventData current = types.upcast(new EventData(r.type(), r.payload(), r.metadata()));
        Class<? extends E> type = types.classOf(current.type());
        String where = "stream '" + r.streamId() + "' version " + r.version() + " (global position "
                + r.globalPosition() + ")";
        if (type == null) {
            throw new UnknownEventTypeException(current.type(), where, types.names());
        }
        E event;
        try {
            event = codec.read(current.payload(), type);
        } catch (JsonCodecException e) {
            throw new EventStoreException("Cannot decode event '" + current.type() + "' at " + where + " as "
                    + type.getSimpleName() + ": " + e.getMessage() + "; an Upcaster may be missing", e);
        }
        return new StoredEvent<>(r.streamId(), r.version(), r.globalPosition(), current.type(), event,
                current.metadata(), r.timestamp());
    }

    @Override
    public void awaitAppend(long afterPosition, Duration timeout) throws InterruptedException {
        backend.awaitAppend(afterPosition, timeout);
    }

    @Override
    public EventStoreBackend backend() {
        return backend;
    }

    @Override
    public EventTypes<E> types() {
        return types;
    }
}
