package dev.allframe.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a decoded JSON object, failing with {@link MalformedEventException} that names the field's path.
 * AWS sends {@code null} for absent optional members (headers, query, body); those read as absent.
 */
final class Fields {
    private final Map<String, Object> map;
    private final String path;

    Fields(Map<String, Object> map, String path) {
        this.map = map;
        this.path = path;
    }

    static Fields root(Object decoded) {
        if (!(decoded instanceof Map<?, ?> m)) {
            throw new MalformedEventException("The event is JSON but not an object (got "
                    + (decoded instanceof List<?> ? "an array" : "a " + decoded.getClass().getSimpleName())
                    + "); an HTTP event from API Gateway, a Function URL or ALB is a JSON object", null);
        }
        return new Fields(cast(m), "");
    }

    Map<String, Object> raw() {
        return map;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw wrongType(key, "a string", v);
    }

    String requireString(String key) {
        String v = string(key);
        if (v == null) {
            throw new MalformedEventException("The event has no '" + where(key) + "' (expected a string)", null);
        }
        return v;
    }

    boolean bool(String key) {
        Object v = map.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw wrongType(key, "a boolean", v);
    }

    Fields object(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return new Fields(cast(m), where(key));
        }
        throw wrongType(key, "an object", v);
    }

    /** A JSON object of strings, as gateways send headers and parameters; {@code null} when absent. */
    Map<String, String> stringMap(String key) {
        Fields f = object(key);
        if (f == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.map.entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (!(v instanceof String s)) {
                throw f.wrongType(e.getKey(), "a string", v);
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    /** A JSON object of string arrays, as multi-value headers and query parameters; {@code null} when absent. */
    Map<String, List<String>> stringListMap(String key) {
        Fields f = object(key);
        if (f == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : f.map.entrySet()) {
            if (e.getValue() != null) {
                out.put(e.getKey(), f.strings(e.getKey(), e.getValue()));
            }
        }
        return out;
    }

    List<String> stringList(String key) {
        Object v = map.get(key);
        return v == null ? null : strings(key, v);
    }

    private List<String> strings(String key, Object v) {
        if (!(v instanceof List<?> list)) {
            throw wrongType(key, "an array of strings", v);
        }
        for (Object item : list) {
            if (!(item instanceof String)) {
                throw new MalformedEventException("The event's '" + where(key)
                        + "' must be an array of strings, but holds " + describe(item), null);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> strings = (List<String>) list;
        return strings;
    }

    private String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private MalformedEventException wrongType(String key, String expected, Object v) {
        return new MalformedEventException("The event's '" + where(key) + "' must be " + expected + ", but is "
                + describe(v), null);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "an array";
        }
        if (v instanceof String) {
            return "a string";
        }
        return v instanceof Boolean ? "a boolean" : "a number";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
