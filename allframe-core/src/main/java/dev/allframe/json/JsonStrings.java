package dev.allframe.json;

import java.util.Objects;

/**
 * JSON string literals (RFC 8259) for the places that write JSON by hand because their layout is fixed and a codec
 * would cost more than it gives: the Lambda door's response documents, the infrastructure model and Terraform JSON,
 * the processor's {@code graph.json}. Loads nothing but this class.
 *
 * <p>Escapes {@code "} and {@code \} as {@code \"} and {@code \\}; newline, carriage return and tab as {@code \n},
 * {@code \r}, {@code \t}; every other control character (U+0000 to U+001F), DEL (U+007F), the line and paragraph
 * separators U+2028 and U+2029 (which end a line in JavaScript) and any lone surrogate as {@code \}{@code u} and four
 * lower-case hex digits. A lone surrogate cannot be encoded as UTF-8 (the JDK would write {@code ?}), so the escape
 * keeps it. Everything else, including well-formed surrogate pairs, is written as is. Backspace and form feed are
 * {@code \}{@code u0008} and {@code \}{@code u000c} rather than JSON's short forms, so the same escaping is also valid
 * inside an HCL string, which has no short forms for them.
 */
public final class JsonStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /**
     * @param s the text
     * @return the text as a JSON string literal, quotes included
     * @throws NullPointerException if {@code s} is null
     */
    public static String quote(CharSequence s) {
        return quote(new StringBuilder(s.length() + 2), s).toString();
    }

    /**
     * Appends the text as a JSON string literal, quotes included.
     *
     * @param sb the target
     * @param s the text
     * @return {@code sb}
     * @throws NullPointerException if {@code s} is null
     */
    public static StringBuilder quote(StringBuilder sb, CharSequence s) {
        sb.append('"');
        return escape(sb, s).append('"');
    }

    /**
     * Appends the text escaped for the inside of a JSON string literal, without quotes.
     *
     * @param sb the target
     * @param s the text
     * @return {@code sb}
     * @throws NullPointerException if {@code s} is null
     */
    public static StringBuilder escape(StringBuilder sb, CharSequence s) {
        Objects.requireNonNull(s, "s");
        int n = s.length();
        int plain = 0; // start of the run of characters not yet appended, appended in bulk
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c < 0x7f) {
                continue; // the common case: printable ASCII
            }
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            boolean unicode = shortForm == null && needsUnicodeEscape(s, i, c);
            if (shortForm == null && !unicode) {
                if (Character.isHighSurrogate(c)) {
                    i++; // a well-formed pair: keep both halves
                }
                continue;
            }
            sb.append(s, plain, i);
            if (unicode) {
                sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                sb.append(shortForm);
            }
            plain = i + 1;
        }
        return sb.append(s, plain, n);
    }

    /** Control characters, DEL, the JavaScript line terminators and lone surrogates. */
    private static boolean needsUnicodeEscape(CharSequence s, int i, char c) {
        if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        return Character.isLowSurrogate(c); // reached only when not preceded by a high surrogate
    }
}
