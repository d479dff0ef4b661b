package dev.allframe.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable query parameters: names to values in order, repeated keys kept, percent-decoded ({@code +} is a
 * space). Names are case-sensitive.
 */
public final class QueryParams {
    private static final QueryParams EMPTY = new QueryParams(Map.of());

    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    /** @return no parameters */
    public static QueryParams empty() {
        return EMPTY;
    }

    /**
     * Parses a raw query string (the part after {@code ?}, without it).
     *
     * @param rawQuery the raw, percent-encoded query; {@code null} or empty gives no parameters
     * @return the parameters
     * @throws HttpException 400 if the percent-encoding is invalid
     */
    public static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                String pair = rawQuery.substring(start, end);
                int eq = pair.indexOf('=');
                String name = PercentCodec.decodeQueryComponent(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : PercentCodec.decodeQueryComponent(pair.substring(eq + 1));
                map.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return of(map);
    }

    /**
     * @param map decoded names to their values
     * @return the parameters
     */
    public static QueryParams of(Map<String, ? extends List<String>> map) {
        if (map.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new QueryParams(Collections.unmodifiableMap(copy));
    }

    /**
     * @param name a parameter name
     * @return its first value, if present
     */
    public Optional<String> first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * @param name a parameter name
     * @return every value in order; empty if absent
     */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** @return the parameter names in order of first appearance */
    public Set<String> names() {
        return values.keySet();
    }

    /** @return whether there are no parameters */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return an unmodifiable map of names to values */
    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryParams other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
