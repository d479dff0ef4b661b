package dev.allframe.infra.model;

import java.util.List;
import java.util.Objects;

/** An event source of a deployable. */
public sealed interface Subscription {
    /** @return the logical name of the source resource */
    String source();

    /**
     * Messages of a queue.
     *
     * @param source the queue
     * @param batchSize records per invocation
     */
    record OfQueue(String source, int batchSize) implements Subscription {
        /** Checks for nulls. */
        public OfQueue {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * Events of a bus whose {@code detail-type} is one of the given ones.
     *
     * @param source the bus
     * @param detailTypes the detail types, at least one
     */
    record OfBus(String source, List<String> detailTypes) implements Subscription {
        /** Checks for nulls and copies the list. */
        public OfBus {
            Objects.requireNonNull(source, "source");
            detailTypes = List.copyOf(detailTypes);
        }
    }

    /**
     * The change stream of an event store.
     *
     * @param source the event store
     * @param batchSize records per invocation
     * @param maxRetries retries of a failing batch before it goes to the failure queue
     */
    record OfStream(String source, int batchSize, int maxRetries) implements Subscription {
        /** Checks for nulls. */
        public OfStream {
            Objects.requireNonNull(source, "source");
        }
    }
}
