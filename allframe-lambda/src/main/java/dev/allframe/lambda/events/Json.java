package dev.allframe.lambda.events;

import dev.allframe.json.JsonStrings;

import java.util.List;
import java.util.Map;

/**
 * Reads of decoded event JSON (maps, lists, strings, numbers) that name the path of a missing or mistyped member,
 * and a writer for the door's small answers.
 */
final class Json {
    private Json() {
    }

    static Map<String, Object> object(Object value, String path) {
        if (value instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cast = (Map<String, Object>) m;
            return cast;
        }
        throw new MalformedRecordException("'" + path + "' must be an object, but is " + describe(value));
    }

    static Map<String, Object> optionalObject(Map<String, Object> map, String key, String path) {
        Object v = map.get(key);
        return v == null ? Map.of() : object(v, path + key);
    }

    static List<?> list(Map<String, Object> map, String key, String path) {
        Object v = map.get(key);
        if (v instanceof List<?> l) {
            return l;
        }
        throw new MalformedRecordException("'" + path + key + "' must be an array, but is " + describe(v));
    }

    static String string(Map<String, Object> map, String key, String path) {
        Object v = map.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw new MalformedRecordException("'" + path + key + "' must be a string, but is " + describe(v));
    }

    static String optionalString(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof String s ? s : null;
    }

    static long optionalLong(Map<String, Object> map, String key, String path) {
        Object v = map.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new MalformedRecordException("'" + path + key + "' must be a number, but is " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "missing";
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

    /** {@code {"batchItemFailures":[{"itemIdentifier":...},...]}}, the partial-failure answer of SQS and streams. */
    static byte[] batchItemFailures(List<String> ids) {
        StringBuilder sb = new StringBuilder(32 + ids.size() * 60).append("{\"batchItemFailures\":[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":");
            quote(sb, ids.get(i));
            sb.append('}');
        }
        return sb.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static StringBuilder quote(StringBuilder sb, String s) {
        return JsonStrings.quote(sb, s);
    }

    /** A record of a batch misses a member or has one of the wrong type. */
    static final class MalformedRecordException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRecordException(String message) {
            super(message, null, false, false);
        }
    }
}
