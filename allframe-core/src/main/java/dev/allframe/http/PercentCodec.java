package dev.allframe.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding (RFC 3986 §2.1) of UTF-8 text: strict decoding of what requests carry (bad input is a 400, never a
 * guess), and encoding of the paths an application sends back, such as a {@code location} header:
 * <pre>{@code
 * Response.json(Status.CREATED, order).withLocation("/orders/{id}", id);      // id "x/y ü" -> /orders/x%2Fy%20%C3%BC
 * String link = PercentCodec.expandPath("/orders/{id}/items/{sku}", id, sku);  // for links in bodies
 * }</pre>
 */
public final class PercentCodec {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentCodec() {
    }

    /**
     * Encodes text as one path segment: every byte of its UTF-8 form except the unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}) becomes {@code %XX}, so {@code /}, {@code ?}, {@code #}, {@code %}, spaces and
     * non-ASCII text cannot change the path's shape. A segment that is all dots ({@code .}, {@code ..}) has its dots
     * encoded too, so it is not taken for a dot-segment by clients that normalise paths (RFC 3986 §5.2.4) — though
     * WHATWG URL parsers, as in browsers, still treat {@code %2E%2E} as {@code ..}: avoid such ids. The router's
     * {@link #decodePathSegment} gives the text back.
     *
     * @param text the segment's text
     * @return the encoded segment; the empty string for empty text
     * @throws NullPointerException if {@code text} is null
     */
    public static String encodePathSegment(String text) {
        java.util.Objects.requireNonNull(text, "text");
        boolean dots = !text.isEmpty() && text.chars().allMatch(c -> c == '.');
        int i = 0;
        while (i < text.length() && unreserved(text.charAt(i)) && !dots) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (byte b : text.substring(i).getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0 && unreserved((char) b) && !(dots && b == '.')) {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Fills a path template, in the router's syntax, with values, each encoded with {@link #encodePathSegment}:
     * {@code {name}} takes one whole segment; a last {@code {name...}} takes the rest, its {@code /}s kept as segment
     * separators and every segment encoded. Literal parts are copied as written. Values fill the parameters in order.
     *
     * @param template a path template, for example {@code /orders/{id}}
     * @param values one value per parameter, in order; {@link String#valueOf} of each
     * @return the path, for example {@code /orders/x%2Fy} for the value {@code x/y}
     * @throws IllegalArgumentException if the number of values differs from the number of parameters, a
     *         {@code {name}} value is empty (its segment would vanish), or a brace is not closed
     * @throws NullPointerException if the template or a value is null
     */
    public static String expandPath(String template, Object... values) {
        java.util.Objects.requireNonNull(template, "template");
        java.util.Objects.requireNonNull(values, "values");
        StringBuilder sb = new StringBuilder(template.length() + 32);
        int used = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("template '" + template + "' has a '{' without '}' at " + open);
            }
            sb.append(template, i, open);
            String name = template.substring(open + 1, close);
            if (used >= values.length) {
                throw countMismatch(template, values.length);
            }
            Object v = values[used++];
            if (v == null) {
                throw new NullPointerException("the value for {" + name + "} in '" + template + "' is null");
            }
            String text = String.valueOf(v);
            if (name.endsWith("...")) {
                String[] parts = text.split("/", -1);
                for (int p = 0; p < parts.length; p++) {
                    sb.append(p == 0 ? "" : "/").append(encodePathSegment(parts[p]));
                }
            } else {
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("the value for {" + name + "} in '" + template
                            + "' is empty; a path segment needs at least one character");
                }
                sb.append(encodePathSegment(text));
            }
            i = close + 1;
        }
        if (used != values.length) {
            throw countMismatch(template, values.length);
        }
        return sb.toString();
    }

    private static IllegalArgumentException countMismatch(String template, int given) {
        long parameters = template.chars().filter(c -> c == '{').count();
        return new IllegalArgumentException("template '" + template + "' has " + parameters + " parameter(s) but "
                + given + " value(s) were given");
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    /**
     * Decodes a path segment: {@code %XX} escapes only; {@code +} stays a plus.
     *
     * @param s the raw segment
     * @return the decoded text
     * @throws HttpException 400 if an escape is malformed or the bytes are not UTF-8
     */
    public static String decodePathSegment(String s) {
        return decode(s, false, "path");
    }

    /**
     * Decodes a query component ({@code application/x-www-form-urlencoded}): {@code +} is a space.
     *
     * @param s the raw name or value
     * @return the decoded text
     * @throws HttpException 400 if an escape is malformed or the bytes are not UTF-8
     */
    public static String decodeQueryComponent(String s) {
        return decode(s, true, "query string");
    }

    private static String decode(String s, boolean plusIsSpace, String where) {
        int firstSpecial = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                firstSpecial = i;
                break;
            }
        }
        if (firstSpecial < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] prefix = s.substring(0, firstSpecial).getBytes(StandardCharsets.UTF_8);
        out.write(prefix, 0, prefix.length);
        for (int i = firstSpecial; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw malformed(where, s);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw malformed(where, s);
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (plusIsSpace && c == '+') {
                out.write(' ');
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("Invalid percent-encoding in the " + where
                    + ": the escapes do not form UTF-8 text");
        }
    }

    private static HttpException malformed(String where, String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return HttpException.badRequest("Invalid percent-encoding in the " + where + ": '" + shown
                + "' (expected % followed by two hex digits)");
    }
}
