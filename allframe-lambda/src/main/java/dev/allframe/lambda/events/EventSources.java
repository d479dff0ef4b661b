package dev.allframe.lambda.events;

import dev.allframe.cqrs.CommandBus;
import dev.allframe.eventstore.EventStore;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;
import dev.allframe.lambda.MalformedEventException;
import dev.allframe.lambda.UnsupportedEventException;
import dev.allframe.projection.ProjectionRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the Lambda door does with non-HTTP events. Pass it to {@link dev.allframe.lambda.AllFrameHandler} next to the
 * router; one function can serve HTTP and any of these sources:
 * <pre>{@code
 * public final class OrdersLambda extends AllFrameHandler {
 *     public OrdersLambda() { super(OrdersApp::router, OrdersApp::eventSources); }
 * }
 * static EventSources eventSources() {
 *     return EventSources.builder()
 *         .routes(EventRoutes.builder().eventBridge("OrderPlaced", CreateOrder.class).sqs("orders", CreateOrder.class).build())
 *         .commandBus(bus)
 *         .idempotency(idempotencyStore)               // dispatch once per message id
 *         .projections(eventStore, projectionRegistry) // DynamoDB Streams of the event table
 *         .s3(notification -> thumbnails.make(notification.bucket(), notification.key()))
 *         .build();
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>SQS</b>: each message on its own; the answer is {@code {"batchItemFailures":[{"itemIdentifier":id}]}} for
 *       the failed ones (enable {@code ReportBatchItemFailures} on the event source mapping). A message whose
 *       command cannot be picked or decoded fails with its reason logged, so the redrive policy takes it to the
 *       dead-letter queue. FIFO groups stop at their first failure.</li>
 *   <li><b>SNS</b> and <b>EventBridge</b>: a failure fails the invocation ({@link EventDispatchException}), so Lambda's
 *       asynchronous retries and on-failure destination take over.</li>
 *   <li><b>Idempotency</b>: with an {@link IdempotencyStore}, a message id ({@code sqs:}, {@code sns:},
 *       {@code eventbridge:} + id) is dispatched once: a redelivery after success is skipped as a success, a
 *       delivery racing another is failed for a later retry, a failed dispatch releases its claim.</li>
 *   <li><b>DynamoDB Streams</b>: {@code INSERT}s of the event table go to {@link ProjectionRegistry#push} in order;
 *       failures as {@code batchItemFailures} by sequence number.</li>
 *   <li><b>S3</b>: each record to the {@link S3Handler}; a failure fails the invocation.</li>
 * </ul>
 * Immutable and thread-safe once built.
 */
public final class EventSources {
    private final QueueDoor queues;
    private final EventBridgeDoor eventBridge;
    private final StreamDoor<?> streams;
    private final S3Door s3;
    private final boolean commands;

    private EventSources(Builder b) {
        CommandDecoder decoder = new CommandDecoder(b.routes, b.codec);
        CommandDispatcher dispatcher = b.bus == null ? null
                : new CommandDispatcher(b.bus, b.idempotency, b.lease, b.retention);
        this.commands = dispatcher != null;
        this.queues = new QueueDoor(b.routes, decoder, dispatcher);
        this.eventBridge = new EventBridgeDoor(b.routes, decoder, dispatcher, b.codec);
        this.streams = b.streams;
        this.s3 = b.s3 == null ? null : new S3Door(b.s3);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Serves one event; called by {@link dev.allframe.lambda.AllFrameHandler} for events
     * {@link EventSourceKind#of} recognises.
     *
     * @param kind the event's kind
     * @param event the decoded event JSON
     * @return the answer document ({@code batchItemFailures} for SQS and DynamoDB Streams)
     * @throws EventDispatchException if an EventBridge, SNS or S3 event failed
     * @throws UnsupportedEventException if these sources are not configured for the kind
     * @throws MalformedEventException if the event misses a member it must have
     */
    public byte[] handle(EventSourceKind kind, Object event) {
        Objects.requireNonNull(kind, "kind");
        Map<String, Object> map = Json.object(event, "the event");
        try {
            return switch (kind) {
                case SQS -> requireCommands(kind).queues.sqs(map);
                case SNS -> requireCommands(kind).queues.sns(map);
                case EVENTBRIDGE -> requireCommands(kind).eventBridge.handle(map);
                case DYNAMODB_STREAMS -> {
                    if (streams == null) {
                        throw new UnsupportedEventException("The function received a DynamoDB Streams batch, but its"
                                + " EventSources has no projections; add .projections(eventStore, registry)");
                    }
                    yield streams.handle(map);
                }
                case S3 -> {
                    if (s3 == null) {
                        throw new UnsupportedEventException("The function received an S3 event notification, but"
                                + " its EventSources has no S3Handler; add .s3(handler)");
                    }
                    yield s3.handle(map);
                }
            };
        } catch (Json.MalformedRecordException e) {
            throw new MalformedEventException("The " + kind + " event is malformed: " + e.getMessage(), null);
        }
    }

    private EventSources requireCommands(EventSourceKind kind) {
        if (!commands) {
            throw new UnsupportedEventException("The function received an " + kind + " event, but its EventSources"
                    + " has no command bus; add .commandBus(bus) and routes");
        }
        return this;
    }

    /** A mutable, not thread-safe builder; every part is optional, and an event of an unconfigured kind fails. */
    public static final class Builder {
        private EventRoutes routes = EventRoutes.builder().build();
        private CommandBus<?> bus;
        private IdempotencyStore idempotency;
        private Duration lease = Duration.ofMinutes(15);
        private Duration retention = Duration.ofHours(24);
        private JsonCodec codec = JsonCodecs.defaultCodec();
        private StreamDoor<?> streams;
        private S3Handler s3;
        private EventStore<?> streamStore;
        private ProjectionRegistry<?> streamProjections;

        Builder() {
        }

        /**
         * @param routes which events become which commands; default none
         * @return this builder
         */
        public Builder routes(EventRoutes routes) {
            this.routes = Objects.requireNonNull(routes, "routes");
            return this;
        }

        /**
         * @param bus where EventBridge, SQS and SNS commands are dispatched
         * @return this builder
         */
        public Builder commandBus(CommandBus<?> bus) {
            this.bus = Objects.requireNonNull(bus, "bus");
            return this;
        }

        /**
         * @param store remembers dispatched message ids; default none (a redelivered message is dispatched again)
         * @return this builder
         */
        public Builder idempotency(IdempotencyStore store) {
            this.idempotency = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * @param lease how long a claim holds before another delivery may take over; default 15 minutes (the
         *        longest Lambda timeout); inside an invocation it is cut to the invocation's remaining time (plus
         *        2 s), since a claim cannot outlive the invocation that holds it
         * @param retention how long a dispatched message id is remembered; default 24 hours (EventBridge's longest
         *        retry window); for SQS, at least the queue's retention period if redeliveries that late matter
         * @return this builder
         * @throws IllegalArgumentException if either is not positive
         */
        public Builder idempotencyTimes(Duration lease, Duration retention) {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(retention, "retention");
            if (lease.isNegative() || lease.isZero() || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("lease and retention (expected > 0): " + lease + ", " + retention);
            }
            this.lease = lease;
            this.retention = retention;
            return this;
        }

        /**
         * @param codec decodes commands; default {@link JsonCodecs#defaultCodec()}
         * @return this builder
         */
        public Builder codec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Feeds DynamoDB Streams records of the event table to projections.
         *
         * @param store decodes the items (event types, upcasters, codec)
         * @param projections receives the events through {@link ProjectionRegistry#push}; never started
         * @param <E> the event base type
         * @return this builder
         */
        public <E> Builder projections(EventStore<E> store, ProjectionRegistry<E> projections) {
            this.streamStore = Objects.requireNonNull(store, "store");
            this.streamProjections = Objects.requireNonNull(projections, "projections");
            return this;
        }

        /**
         * @param handler receives S3 event notifications
         * @return this builder
         */
        public Builder s3(S3Handler handler) {
            this.s3 = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** @return the event sources */
        public EventSources build() {
            if (streamStore != null) {
                streams = streamDoor(streamStore, streamProjections, codec);
            }
            return new EventSources(this);
        }

        @SuppressWarnings("unchecked")
        private static <E> StreamDoor<E> streamDoor(EventStore<E> store, ProjectionRegistry<?> projections,
                                                    JsonCodec codec) {
            return new StreamDoor<>((ProjectionRegistry<E>) projections, codec);
        }
    }
}
