package dev.allframe.eventstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of stable event type names for one event hierarchy, and the {@link Upcaster} chain applied on
 * read. Immutable and thread-safe once built.
 *
 * @param <E> the event base type
 */
public final class EventTypes<E> {
    private final Class<E> baseType;
    private final Map<String, Class<? extends E>> byName;
    private final Map<Class<?>, String> byClass;
    private final List<Upcaster> upcasters;

    private EventTypes(Builder<E> b) {
        this.baseType = b.baseType;
        this.byName = Map.copyOf(b.byName);
        this.byClass = Map.copyOf(b.byClass);
        this.upcasters = List.copyOf(b.upcasters);
    }

    /**
     * @param baseType the event base type, typically a sealed interface
     * @param <E> the event base type
     * @return a new builder
     */
    public static <E> Builder<E> builder(Class<E> baseType) {
        return new Builder<>(baseType);
    }

    /** @return the event base type */
    public Class<E> baseType() {
        return baseType;
    }

    /**
     * @param event an event
     * @return its stable type name
     * @throws IllegalArgumentException if its class is not registered
     */
    public String nameOf(Object event) {
        String name = byClass.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException("Event class " + event.getClass().getSimpleName()
                    + " is not registered; register it with EventTypes.builder(" + baseType.getSimpleName()
                    + ".class).register(" + event.getClass().getSimpleName() + ".class)");
        }
        return name;
    }

    /**
     * @param name a type name (after upcasting)
     * @return its class, or {@code null}
     */
    public Class<? extends E> classOf(String name) {
        return byName.get(name);
    }

    /** @return the registered type names, sorted */
    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /**
     * Runs the upcaster chain.
     *
     * @param event the stored type name and payload
     * @return the current type name and payload
     */
    public EventData upcast(EventData event) {
        EventData current = event;
        for (Upcaster u : upcasters) {
            if (u.fromType().equals(current.type())) {
                current = Objects.requireNonNull(u.upcast(current), () -> u + " returned null");
            }
        }
        return current;
    }

    /**
     * A mutable, not thread-safe builder. Registration fails fast on a duplicate name or class.
     *
     * @param <E> the event base type
     */
    public static final class Builder<E> {
        private final Class<E> baseType;
        private final Map<String, Class<? extends E>> byName = new HashMap<>();
        private final Map<Class<?>, String> byClass = new HashMap<>();
        private final List<Upcaster> upcasters = new ArrayList<>();

        Builder(Class<E> baseType) {
            this.baseType = Objects.requireNonNull(baseType, "baseType");
        }

        /**
         * Registers a class under its {@link EventType} name, or its simple class name without one.
         *
         * @param type the event class
         * @return this builder
         * @throws IllegalStateException if the name or class is already registered
         */
        public Builder<E> register(Class<? extends E> type) {
            EventType annotation = type.getAnnotation(EventType.class);
            return register(annotation != null ? annotation.value() : type.getSimpleName(), type);
        }

        /**
         * Registers a class under an explicit name.
         *
         * @param name the stable type name
         * @param type the event class
         * @return this builder
         * @throws IllegalStateException if the name or class is already registered
         */
        public Builder<E> register(String name, Class<? extends E> type) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isBlank() || name.length() > EventStoreLimits.MAX_TYPE_LENGTH) {
                throw new IllegalArgumentException("event type name (expected 1.." + EventStoreLimits.MAX_TYPE_LENGTH
                        + " non-blank characters): '" + name + "'");
            }
            if (!baseType.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a " + baseType.getName());
            }
            Class<? extends E> previous = byName.get(name);
            if (previous != null) {
                throw new IllegalStateException("Duplicate event type name '" + name + "': " + previous.getName()
                        + " and " + type.getName());
            }
            String previousName = byClass.get(type);
            if (previousName != null) {
                throw new IllegalStateException("Event class " + type.getName() + " is registered twice: as '"
                        + previousName + "' and as '" + name + "'");
            }
            byName.put(name, type);
            byClass.put(type, name);
            return this;
        }

        /**
         * Appends an upcaster to the chain.
         *
         * @param upcaster the upcaster
         * @return this builder
         */
        public Builder<E> upcaster(Upcaster upcaster) {
            upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
            return this;
        }

        /** @return the registry */
        public EventTypes<E> build() {
            return new EventTypes<>(this);
        }
    }
}
