package dev.allframe.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Immutable, case-insensitive, multi-value HTTP header fields. Names are kept in lower case (as HTTP/2 requires)
 * and in insertion order; values keep their order per name.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> values;

    private Headers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** @return headers with no fields */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Headers from alternating names and values: {@code Headers.of("content-type", "text/plain")}.
     *
     * @param namesAndValues an even number of strings
     * @return the headers
     * @throws IllegalArgumentException if the count is odd or a name is not a valid field name
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues (expected pairs): " + namesAndValues.length + " strings");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /**
     * Headers from a map of names to values, as adapters of other HTTP models produce them.
     *
     * @param map names to their values; names are matched case-insensitively and merged
     * @return the headers
     */
    public static Headers ofMap(Map<String, ? extends List<String>> map) {
        Builder b = builder();
        // Loops, not lambdas, here and below: each lambda is a class spun at first use (cold start).
        for (Map.Entry<String, ? extends List<String>> e : map.entrySet()) {
            for (String v : e.getValue()) {
                b.add(e.getKey(), v);
            }
        }
        return b.build();
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param name a field name, any case
     * @return the first value of the field, if present
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(lower(name));
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * @param name a field name, any case
     * @return the first value of the field, or {@code null}
     */
    public String firstOrNull(String name) {
        List<String> list = values.get(lower(name));
        return list == null ? null : list.get(0);
    }

    /**
     * @param name a field name, any case
     * @return every value of the field in order; empty if absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(lower(name), List.of());
    }

    /**
     * @param name a field name, any case
     * @return whether the field is present
     */
    public boolean contains(String name) {
        return values.containsKey(lower(name));
    }

    /** @return the field names, lower case, in insertion order */
    public Set<String> names() {
        return values.keySet();
    }

    /** @return the number of distinct field names */
    public int size() {
        return values.size();
    }

    /** @return whether there are no fields */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @param action called once per (name, value) pair, in order */
    public void forEach(BiConsumer<String, String> action) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            for (String v : e.getValue()) {
                action.accept(e.getKey(), v);
            }
        }
    }

    /** @return an unmodifiable map view of lower-case names to their values */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /**
     * @param name a field name
     * @param value the value that replaces any existing values of the field
     * @return new headers with the field set
     */
    public Headers with(String name, String value) {
        return toBuilder().set(name, value).build();
    }

    /**
     * @param name a field name
     * @return new headers without the field
     */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        return toBuilder().remove(name).build();
    }

    /** @return a builder holding these fields */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            b.values.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    static String lower(String name) {
        Objects.requireNonNull(name, "header name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    /** A mutable, not thread-safe builder of {@link Headers}. */
    public static final class Builder {
        private final Map<String, List<String>> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a value to a field, after any values it already has.
         *
         * @param name a field name: an RFC 9110 token
         * @param value the value: no CR, LF or NUL
         * @return this builder
         * @throws IllegalArgumentException if the name or value is invalid
         */
        public Builder add(String name, String value) {
            String key = validName(name);
            String valid = validValue(name, value);
            List<String> list = values.get(key);
            if (list == null) {
                list = new ArrayList<>(1);
                values.put(key, list);
            }
            list.add(valid);
            return this;
        }

        /**
         * Sets a field to one value, replacing the values it had.
         *
         * @param name a field name
         * @param value the value
         * @return this builder
         */
        public Builder set(String name, String value) {
            List<String> list = new ArrayList<>(1);
            list.add(validValue(name, value));
            values.put(validName(name), list);
            return this;
        }

        /**
         * Sets a field only if it is absent.
         *
         * @param name a field name
         * @param value the value
         * @return this builder
         */
        public Builder setIfAbsent(String name, String value) {
            if (!values.containsKey(lower(name))) {
                set(name, value);
            }
            return this;
        }

        /**
         * @param name a field name
         * @return this builder, without the field
         */
        public Builder remove(String name) {
            values.remove(lower(name));
            return this;
        }

        /** @return the immutable headers */
        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            Map<String, List<String>> copy = new LinkedHashMap<>(values.size() * 2);
            for (Map.Entry<String, List<String>> e : values.entrySet()) {
                copy.put(e.getKey(), List.copyOf(e.getValue()));
            }
            return new Headers(Collections.unmodifiableMap(copy));
        }

        private static String validName(String name) {
            String lower = lower(name);
            if (lower.isEmpty() || !Tokens.isToken(lower)) {
                throw new IllegalArgumentException("header name (expected an RFC 9110 token): '" + name + "'");
            }
            return lower;
        }

        private static String validValue(String name, String value) {
            if (value == null) {
                throw new NullPointerException("value of header " + name);
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("value of header " + name + " contains CR, LF or NUL");
                }
            }
            return value;
        }
    }
}
