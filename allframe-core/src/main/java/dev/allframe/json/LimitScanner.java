package dev.allframe.json;

/**
 * One pass over the bytes of a JSON document checking {@link JsonLimits}: nesting depth, string length, entries
 * per object or array, document size. Iterative, with one counter per open container, so a document of any depth
 * is checked in constant stack. Strings are skipped as a whole (escapes included), so brackets and commas inside
 * them do not count. Syntax errors are left to the parser.
 */
final class LimitScanner {
    private LimitScanner() {
    }

    static void check(byte[] json, JsonLimits limits) {
        if (json.length > limits.maxDocumentBytes()) {
            throw new JsonLimitException("maxDocumentBytes", limits.maxDocumentBytes(), "the JSON document of "
                    + json.length + " bytes exceeds the limit of " + limits.maxDocumentBytes()
                    + " bytes (maxDocumentBytes)");
        }
        int maxDepth = limits.maxDepth();
        int maxStringBytes = limits.maxStringBytes();
        int maxEntries = limits.maxEntries();
        int[] commas = new int[16]; // commas seen in the container open at each depth
        byte[] opener = new byte[16]; // '[' or '{' of the container open at each depth
        int depth = 0;
        int n = json.length;
        for (int i = 0; i < n; i++) {
            byte b = json[i];
            switch (b) {
                case '"' -> {
                    int start = i + 1;
                    int j = start;
                    while (j < n && json[j] != '"') {
                        j += json[j] == '\\' ? 2 : 1;
                    }
                    int length = Math.min(j, n) - start;
                    if (length > maxStringBytes) {
                        throw new JsonLimitException("maxStringBytes", maxStringBytes, "a JSON string of "
                                + (j < n ? "" : "at least ") + length + " bytes at byte " + i
                                + " exceeds the limit of " + maxStringBytes + " bytes (maxStringBytes)");
                    }
                    i = j;
                }
                case '[', '{' -> {
                    if (++depth > maxDepth) {
                        throw new JsonLimitException("maxDepth", maxDepth, "the JSON nests deeper than the limit of "
                                + maxDepth + " levels (maxDepth) at byte " + i);
                    }
                    if (depth >= commas.length) {
                        commas = java.util.Arrays.copyOf(commas, Math.max(depth + 1, commas.length * 2));
                        opener = java.util.Arrays.copyOf(opener, commas.length);
                    }
                    commas[depth] = 0;
                    opener[depth] = b;
                }
                case ']', '}' -> {
                    if (depth > 0) {
                        depth--;
                    }
                }
                case ',' -> {
                    if (depth > 0 && ++commas[depth] >= maxEntries) {
                        throw new JsonLimitException("maxEntries", maxEntries, "a JSON "
                                + (opener[depth] == '[' ? "array" : "object") + " has more than the limit of " + maxEntries + " entries (maxEntries) at byte " + i);
                    }
                }
                default -> {
                    // values, whitespace and anything else: the parser judges them
                }
            }
        }
    }
}
