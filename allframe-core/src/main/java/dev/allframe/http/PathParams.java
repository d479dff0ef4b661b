package dev.allframe.http;

import java.util.Map;

/**
 * The decoded values of a matched route's {@code {name}} and {@code {name...}} segments.
 *
 * @param values names to decoded values
 */
public record PathParams(Map<String, String> values) {
    static final PathParams EMPTY = new PathParams(Map.of());

    public PathParams {
        values = Map.copyOf(values);
    }

    /**
     * @param name a parameter name of the route's template
     * @return its value
     * @throws IllegalArgumentException if the route has no such parameter
     */
    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("path parameter '" + name + "' is not in the matched route (it has "
                    + values.keySet() + ")");
        }
        return v;
    }
}
