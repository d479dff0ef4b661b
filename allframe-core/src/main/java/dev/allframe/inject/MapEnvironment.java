package dev.allframe.inject;

import java.util.Map;

/** A fixed environment ({@link Environment#of}); a plain class rather than a method reference, as {@link SystemEnvironment}. */
final class MapEnvironment implements Environment {
    private final Map<String, String> values;

    MapEnvironment(Map<String, String> values) {
        this.values = values;
    }

    @Override
    public String get(String name) {
        return values.get(name);
    }
}
