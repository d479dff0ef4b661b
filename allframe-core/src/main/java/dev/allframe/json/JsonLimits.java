package dev.allframe.json;

import dev.allframe.inject.ConfigurationException;
import dev.allframe.inject.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Bounds on the JSON a codec reads, checked before any value is built, so a hostile document fails with a
 * {@link JsonLimitException} naming the limit instead of exhausting the stack or the heap. Every limit applies to
 * the whole document, known fields and unknown ones alike (an unknown field is skipped by the library, but its value
 * is checked first). Immutable.
 *
 * <table>
 *   <caption>The limits, their defaults and their environment variables ({@link #fromEnvironment})</caption>
 *   <tr><th>limit</th><th>default</th><th>variable</th><th>what it bounds</th></tr>
 *   <tr><td>{@code maxDepth}</td><td>500</td><td>{@code ALLFRAME_JSON_MAX_DEPTH}</td>
 *       <td>objects and arrays nested in each other (a top-level object is depth 1); the library reads nested values
 *       recursively, and 500 levels fit in a 256 KiB thread stack</td></tr>
 *   <tr><td>{@code maxStringBytes}</td><td>8,388,608 (8 MiB)</td><td>{@code ALLFRAME_JSON_MAX_STRING_BYTES}</td>
 *       <td>one string (value or member name), in bytes of its JSON text between the quotes; above Lambda's 6 MB
 *       payload, so an API Gateway event's base64 body always fits. Reads into a generated adapter (a record, a
 *       class) are further bounded by Avaje Jsonb 3.11 itself, which reads no string longer than
 *       {@value #TYPED_MAX_STRING_CHARS} characters: a longer one fails as this limit too</td></tr>
 *   <tr><td>{@code maxEntries}</td><td>100,000</td><td>{@code ALLFRAME_JSON_MAX_ENTRIES}</td>
 *       <td>members of one object or elements of one array</td></tr>
 *   <tr><td>{@code maxDocumentBytes}</td><td>10,485,760 (10 MiB)</td>
 *       <td>{@code ALLFRAME_JSON_MAX_DOCUMENT_BYTES}</td><td>the whole document; the router's default body limit</td></tr>
 * </table>
 *
 * @param maxDepth the deepest nesting of objects and arrays, at least 1
 * @param maxStringBytes the longest string in bytes of JSON text, at least 1
 * @param maxEntries the most members of an object or elements of an array, at least 1
 * @param maxDocumentBytes the largest document in bytes, at least 1
 */
public record JsonLimits(int maxDepth, int maxStringBytes, int maxEntries, int maxDocumentBytes) {
    /** Default {@code maxDepth}. */
    public static final int DEFAULT_MAX_DEPTH = 500;
    /** Default {@code maxStringBytes}: 8 MiB. */
    public static final int DEFAULT_MAX_STRING_BYTES = 8 * 1024 * 1024;
    /**
     * The longest string, in characters, that Avaje Jsonb 3.11 reads into a generated adapter, whatever
     * {@code maxStringBytes} says (its parser refuses to grow its buffer further); untyped reads have no such bound.
     */
    public static final int TYPED_MAX_STRING_CHARS = 32_767;
    /** Default {@code maxEntries}. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** Default {@code maxDocumentBytes}: 10 MiB. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    /** Environment variable of {@code maxDepth}. */
    public static final String MAX_DEPTH_VARIABLE = "ALLFRAME_JSON_MAX_DEPTH";
    /** Environment variable of {@code maxStringBytes}. */
    public static final String MAX_STRING_BYTES_VARIABLE = "ALLFRAME_JSON_MAX_STRING_BYTES";
    /** Environment variable of {@code maxEntries}. */
    public static final String MAX_ENTRIES_VARIABLE = "ALLFRAME_JSON_MAX_ENTRIES";
    /** Environment variable of {@code maxDocumentBytes}. */
    public static final String MAX_DOCUMENT_BYTES_VARIABLE = "ALLFRAME_JSON_MAX_DOCUMENT_BYTES";

    /**
     * @throws IllegalArgumentException if a limit is below 1
     */
    public JsonLimits {
        atLeastOne("maxDepth", maxDepth);
        atLeastOne("maxStringBytes", maxStringBytes);
        atLeastOne("maxEntries", maxEntries);
        atLeastOne("maxDocumentBytes", maxDocumentBytes);
    }

    /** @return the defaults listed above */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_BYTES, DEFAULT_MAX_ENTRIES,
                DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /**
     * The defaults, each replaced by its environment variable when that is set (a whole number of at least 1).
     *
     * @param env where to read the variables, usually {@link Environment#system()}
     * @return the limits
     * @throws ConfigurationException naming every variable that is set but not a whole number of at least 1
     */
    public static JsonLimits fromEnvironment(Environment env) {
        Objects.requireNonNull(env, "env");
        List<String> problems = new ArrayList<>();
        int depth = read(env, MAX_DEPTH_VARIABLE, DEFAULT_MAX_DEPTH, problems);
        int string = read(env, MAX_STRING_BYTES_VARIABLE, DEFAULT_MAX_STRING_BYTES, problems);
        int entries = read(env, MAX_ENTRIES_VARIABLE, DEFAULT_MAX_ENTRIES, problems);
        int document = read(env, MAX_DOCUMENT_BYTES_VARIABLE, DEFAULT_MAX_DOCUMENT_BYTES, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new JsonLimits(depth, string, entries, document);
    }

    /** @param max the new limit @return a copy with that {@code maxDepth} */
    public JsonLimits withMaxDepth(int max) {
        return new JsonLimits(max, maxStringBytes, maxEntries, maxDocumentBytes);
    }

    /** @param max the new limit @return a copy with that {@code maxStringBytes} */
    public JsonLimits withMaxStringBytes(int max) {
        return new JsonLimits(maxDepth, max, maxEntries, maxDocumentBytes);
    }

    /** @param max the new limit @return a copy with that {@code maxEntries} */
    public JsonLimits withMaxEntries(int max) {
        return new JsonLimits(maxDepth, maxStringBytes, max, maxDocumentBytes);
    }

    /** @param max the new limit @return a copy with that {@code maxDocumentBytes} */
    public JsonLimits withMaxDocumentBytes(int max) {
        return new JsonLimits(maxDepth, maxStringBytes, maxEntries, max);
    }

    /**
     * Checks a document against these limits without building any value; iterative, so any depth is safe to check.
     * Only the structure is looked at: a document within the limits may still be invalid JSON.
     *
     * @param json UTF-8 JSON text
     * @throws JsonLimitException naming the first limit the document crosses
     */
    public void check(byte[] json) {
        LimitScanner.check(json, this);
    }

    private static int read(Environment env, String name, int fallback, List<String> problems) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from 1 to " + Integer.MAX_VALUE + ", but is '" + value + "'");
        return fallback;
    }

    private static void atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " (expected >= 1): " + value);
        }
    }
}
