package dev.allframe.inject;

import java.util.Map;
import java.util.Objects;

/**
 * Where the container reads {@link Env @Env} values from: the process environment by default, a map in tests.
 */
@FunctionalInterface
public interface Environment {
    /**
     * @param name a variable name
     * @return its value, or {@code null} if it is unset
     */
    String get(String name);

    /** @return the process environment ({@link System#getenv(String)}) */
    static Environment system() {
        return SystemEnvironment.INSTANCE;
    }

    /**
     * @param values names to values; copied
     * @return an environment holding exactly these values
     */
    static Environment of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(values, "values"));
        return new MapEnvironment(copy);
    }
}
