package dev.allframe.http;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Immutable typed values attached to a request by doors and the router (see {@link Attribute}). */
public final class Attributes {
    private static final Attributes EMPTY = new Attributes(Map.of());

    private final Map<Attribute<?>, Object> values;

    private Attributes(Map<Attribute<?>, Object> values) {
        this.values = values;
    }

    /** @return no attributes */
    public static Attributes empty() {
        return EMPTY;
    }

    /**
     * @param key the key
     * @param <T> the value's type
     * @return the value, if present
     */
    public <T> Optional<T> get(Attribute<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    /**
     * @param key the key
     * @param value the value
     * @param <T> the value's type
     * @return new attributes with the value set
     */
    public <T> Attributes with(Attribute<T> key, T value) {
        Objects.requireNonNull(key, "key");
        if (value == null) { // no message supplier lambda: this runs on every request's first attribute
            throw new NullPointerException("value of " + key);
        }
        Map<Attribute<?>, Object> copy = new IdentityHashMap<>(values);
        copy.put(key, key.type().cast(value));
        return new Attributes(copy);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
