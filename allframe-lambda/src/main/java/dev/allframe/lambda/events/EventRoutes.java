package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routing table from events to command types: which EventBridge {@code detail-type} (and optionally
 * {@code source}), and which SQS queue or SNS topic message, becomes which command. Written by hand with
 * {@link #builder()} or derived from {@code @FromEventBridge}, {@code @FromQueue} and {@code @FromTopic}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * EventRoutes routes = EventRoutes.builder()
 *     .eventBridge("OrderPlaced", CreateOrder.class)               // any source
 *     .eventBridge("com.example.billing", "PaymentReceived", MarkPaid.class)
 *     .sqs("orders-queue", CreateOrder.class)                     // selected by name "CreateOrder"
 *     .sqs("orders-queue", "cancel", CancelOrder.class)
 *     .sns("order-events", ShipOrder.class)
 *     .build();
 * }</pre>
 *
 * <p>Selecting a queue or topic message's command: the message attribute {@link Builder#selectorAttribute} (default
 * {@value #DEFAULT_ATTRIBUTE}) if present, else the body's field {@link Builder#selectorField} (default
 * {@value #DEFAULT_FIELD}) if present, else the queue's only command when it has exactly one.
 */
public final class EventRoutes {
    /** The default name of the message attribute that names a queue or topic message's command. */
    public static final String DEFAULT_ATTRIBUTE = "command-type";
    /** The default name of the body field that names a queue or topic message's command. */
    public static final String DEFAULT_FIELD = "type";

    private final Map<String, Map<String, Class<? extends Command>>> eventBridge; // detail-type -> source ("" any)
    private final Map<String, Map<String, Class<? extends Command>>> queues;      // queue -> name -> type
    private final Map<String, Map<String, Class<? extends Command>>> topics;
    private final String attribute;
    private final String field;

    private EventRoutes(Builder b) {
        this.eventBridge = copy(b.eventBridge);
        this.queues = copy(b.queues);
        this.topics = copy(b.topics);
        this.attribute = b.attribute;
        this.field = b.field;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param source the event's {@code source}
     * @param detailType the event's {@code detail-type}
     * @return the command type (a route for exactly this source wins over one for any source), or {@code null}
     */
    public Class<? extends Command> eventBridge(String source, String detailType) {
        Map<String, Class<? extends Command>> bySource = eventBridge.get(detailType);
        if (bySource == null) {
            return null;
        }
        Class<? extends Command> exact = source == null ? null : bySource.get(source);
        return exact != null ? exact : bySource.get("");
    }

    /**
     * @param queue a queue name
     * @return its commands by selector value, empty if none
     */
    public Map<String, Class<? extends Command>> queue(String queue) {
        return queues.getOrDefault(queue, Map.of());
    }

    /**
     * @param topic a topic name
     * @return its commands by selector value, empty if none
     */
    public Map<String, Class<? extends Command>> topic(String topic) {
        return topics.getOrDefault(topic, Map.of());
    }

    /** @return the message attribute that names a command */
    public String selectorAttribute() {
        return attribute;
    }

    /** @return the body field that names a command */
    public String selectorField() {
        return field;
    }

    /** @return the detail-types routed, for messages that list what is known */
    public List<String> eventBridgeDetailTypes() {
        return List.copyOf(eventBridge.keySet());
    }

    private static Map<String, Map<String, Class<? extends Command>>> copy(
            Map<String, Map<String, Class<? extends Command>>> m) {
        Map<String, Map<String, Class<? extends Command>>> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            out.put(e.getKey(), Map.copyOf(e.getValue()));
        }
        return Map.copyOf(out);
    }

    /** A mutable, not thread-safe builder; a route registered twice fails at once, naming both command types. */
    public static final class Builder {
        private final Map<String, Map<String, Class<? extends Command>>> eventBridge = new LinkedHashMap<>();
        private final Map<String, Map<String, Class<? extends Command>>> queues = new LinkedHashMap<>();
        private final Map<String, Map<String, Class<? extends Command>>> topics = new LinkedHashMap<>();
        private String attribute = DEFAULT_ATTRIBUTE;
        private String field = DEFAULT_FIELD;

        Builder() {
        }

        /**
         * Routes EventBridge events of a {@code detail-type} from any source.
         *
         * @param detailType the {@code detail-type}
         * @param type the command its {@code detail} is decoded as
         * @return this builder
         * @throws IllegalStateException if the detail-type is routed already for any source
         */
        public Builder eventBridge(String detailType, Class<? extends Command> type) {
            return eventBridge("", detailType, type);
        }

        /**
         * Routes EventBridge events of a {@code detail-type} from one source.
         *
         * @param source the {@code source}; empty for any
         * @param detailType the {@code detail-type}
         * @param type the command its {@code detail} is decoded as
         * @return this builder
         * @throws IllegalStateException if the pair is routed already
         */
        public Builder eventBridge(String source, String detailType, Class<? extends Command> type) {
            Objects.requireNonNull(source, "source");
            put(eventBridge, "EventBridge detail-type", nonBlank(detailType, "detailType"), source, type);
            return this;
        }

        /**
         * Routes messages of an SQS queue selected by the command's simple class name.
         *
         * @param queue the queue's name
         * @param type the command the body is decoded as
         * @return this builder
         */
        public Builder sqs(String queue, Class<? extends Command> type) {
            return sqs(queue, Objects.requireNonNull(type, "type").getSimpleName(), type);
        }

        /**
         * @param queue the queue's name
         * @param name the selector value that picks this command
         * @param type the command the body is decoded as
         * @return this builder
         * @throws IllegalStateException if the queue already routes that name
         */
        public Builder sqs(String queue, String name, Class<? extends Command> type) {
            put(queues, "SQS queue", nonBlank(queue, "queue"), nonBlank(name, "name"), type);
            return this;
        }

        /**
         * Routes notifications of an SNS topic selected by the command's simple class name.
         *
         * @param topic the topic's name
         * @param type the command the message is decoded as
         * @return this builder
         */
        public Builder sns(String topic, Class<? extends Command> type) {
            return sns(topic, Objects.requireNonNull(type, "type").getSimpleName(), type);
        }

        /**
         * @param topic the topic's name
         * @param name the selector value that picks this command
         * @param type the command the message is decoded as
         * @return this builder
         * @throws IllegalStateException if the topic already routes that name
         */
        public Builder sns(String topic, String name, Class<? extends Command> type) {
            put(topics, "SNS topic", nonBlank(topic, "topic"), nonBlank(name, "name"), type);
            return this;
        }

        /**
         * @param name the message attribute naming a queue or topic message's command; default
         *        {@value EventRoutes#DEFAULT_ATTRIBUTE}
         * @return this builder
         */
        public Builder selectorAttribute(String name) {
            this.attribute = nonBlank(name, "selectorAttribute");
            return this;
        }

        /**
         * @param name the body field naming a queue or topic message's command; default
         *        {@value EventRoutes#DEFAULT_FIELD}
         * @return this builder
         */
        public Builder selectorField(String name) {
            this.field = nonBlank(name, "selectorField");
            return this;
        }

        /**
         * Adds every route of another table (a generated one, say) to this builder.
         *
         * @param routes the routes
         * @return this builder
         * @throws IllegalStateException if a route is taken already
         */
        public Builder include(EventRoutes routes) {
            for (var e : routes.eventBridge.entrySet()) {
                for (var s : e.getValue().entrySet()) {
                    eventBridge(s.getKey(), e.getKey(), s.getValue());
                }
            }
            for (var e : routes.queues.entrySet()) {
                for (var s : e.getValue().entrySet()) {
                    sqs(e.getKey(), s.getKey(), s.getValue());
                }
            }
            for (var e : routes.topics.entrySet()) {
                for (var s : e.getValue().entrySet()) {
                    sns(e.getKey(), s.getKey(), s.getValue());
                }
            }
            return this;
        }

        /** @return the routing table */
        public EventRoutes build() {
            return new EventRoutes(this);
        }

        private static void put(Map<String, Map<String, Class<? extends Command>>> table, String what, String key,
                                String sub, Class<? extends Command> type) {
            Objects.requireNonNull(type, "type");
            Map<String, Class<? extends Command>> inner = table.computeIfAbsent(key, k -> new LinkedHashMap<>());
            Class<? extends Command> previous = inner.putIfAbsent(sub, type);
            if (previous != null) {
                throw new IllegalStateException("Duplicate route: " + what + " '" + key + "'"
                        + (sub.isEmpty() ? "" : " / '" + sub + "'") + " goes to " + previous.getName()
                        + ", cannot also go to " + type.getName());
            }
        }

        private static String nonBlank(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        eventBridge.forEach((k, v) -> parts.add("eventBridge " + k + " " + v.keySet()));
        queues.forEach((k, v) -> parts.add("sqs " + k + " " + v.keySet()));
        topics.forEach((k, v) -> parts.add("sns " + k + " " + v.keySet()));
        return "EventRoutes" + parts;
    }
}
