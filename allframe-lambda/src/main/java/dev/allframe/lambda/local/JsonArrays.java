package dev.allframe.lambda.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a JSON array's text into its elements' texts without decoding them, so an SQS message body sent inside an
 * array reaches the queue byte for byte as written. The array must already be known to be valid JSON.
 */
final class JsonArrays {
    private JsonArrays() {
    }

    /**
     * @param array a valid JSON array, e.g. {@code [{"a":1}, "text", 2]}
     * @return the elements' texts, stripped of surrounding white space
     */
    static List<String> elements(String array) {
        List<String> out = new ArrayList<>();
        String s = array.strip();
        int depth = 0;
        boolean inString = false;
        int start = 1;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) { // the array's own closing bracket
                    add(out, s.substring(start, i));
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                add(out, s.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<String> out, String element) {
        String e = element.strip();
        if (!e.isEmpty()) {
            out.add(e);
        }
    }
}
