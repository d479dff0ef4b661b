package dev.allframe.http;

import java.util.Objects;

/**
 * A typed key for a value a door or the router attaches to a {@link Request}: path parameters, the Lambda request
 * context, the remote address. Keys are compared by identity, so a key is a constant of the module that owns it.
 *
 * @param <T> the value's type
 */
public final class Attribute<T> {
    private final String name;
    private final Class<T> type;

    private Attribute(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /**
     * @param name a descriptive name, for diagnostics only
     * @param type the value's class
     * @param <T> the value's type
     * @return a new key, distinct from every other key
     */
    public static <T> Attribute<T> of(String name, Class<T> type) {
        return new Attribute<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"));
    }

    /** @return the key's descriptive name */
    public String name() {
        return name;
    }

    /** @return the value's class */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
