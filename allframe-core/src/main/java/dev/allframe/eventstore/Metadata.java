package dev.allframe.eventstore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * String key/value pairs stored beside an event's payload: correlation and causation ids, the user, a trace id.
 *
 * @param values the pairs; copied, never {@code null}
 */
public record Metadata(Map<String, String> values) {
    private static final Metadata EMPTY = new Metadata(Map.of());

    public Metadata {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** @return metadata without entries */
    public static Metadata empty() {
        return EMPTY;
    }

    /**
     * @param key a key
     * @param value its value
     * @return metadata with one entry
     */
    public static Metadata of(String key, String value) {
        return new Metadata(Map.of(key, value));
    }

    /**
     * @param key a key
     * @return its value, if present
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * @param key a key
     * @param value its value
     * @return a copy with the entry added or replaced
     */
    public Metadata with(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Metadata(copy);
    }

    /** @return whether there are no entries */
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
