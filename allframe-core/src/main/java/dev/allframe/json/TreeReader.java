package dev.allframe.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259, strictly) into plain values: {@code LinkedHashMap}, {@code ArrayList}, {@code String},
 * {@code Long} (integral values that fit, {@code 1.0} and {@code 1e3} included), {@code Double} (other values;
 * {@code BigDecimal} when a double cannot hold them), {@code Boolean} and {@code null}. The codec uses it for
 * {@code Object}, {@code Map} and {@code List} targets, the untyped reads of the Lambda doors: Avaje Jsonb 3.11's
 * untyped adapter recurses once per level and cannot read a string longer than 32,767 characters, so an API Gateway
 * event with a 40 KB body would not decode at all. This reader keeps its containers on an explicit stack (no
 * recursion, whatever the depth) and reads strings of any length. Duplicate member names are an error, as in Avaje
 * Jsonb, so two readers of one document can never see different values.
 */
final class TreeReader {
    /** Longer number literals are refused: {@code BigDecimal} parsing grows faster than linearly. */
    static final int MAX_NUMBER_CHARS = 1000;

    private final byte[] in;
    private int pos;

    private TreeReader(byte[] in) {
        this.in = in;
    }

    /**
     * @param json UTF-8 JSON text
     * @return the value, {@code null} for a JSON {@code null}
     * @throws JsonCodecException naming what is wrong and the byte offset
     */
    static Object read(byte[] json) {
        TreeReader r = new TreeReader(json);
        r.skipWhitespace();
        if (r.pos >= json.length) {
            throw r.error("the document is empty");
        }
        Object value = r.value();
        r.skipWhitespace();
        if (r.pos < json.length) {
            throw r.error("unexpected " + r.describe() + " after the value");
        }
        return value;
    }

    private Object value() {
        List<Object> containers = new ArrayList<>();
        List<String> keys = new ArrayList<>(); // the pending member name of each open object, null for arrays
        while (true) {
            Object v;
            byte b = in[pos];
            if (b == '{' || b == '[') {
                pos++;
                skipWhitespace();
                boolean object = b == '{';
                if (pos < in.length && in[pos] == (object ? '}' : ']')) {
                    pos++;
                    v = object ? new LinkedHashMap<String, Object>() : new ArrayList<>();
                } else {
                    containers.add(object ? new LinkedHashMap<String, Object>() : new ArrayList<>());
                    keys.add(object ? memberName() : null);
                    skipWhitespace();
                    expectValue();
                    continue;
                }
            } else {
                v = scalar();
            }
            // Add v to the open containers, closing those that end here, until one wants another value.
            while (true) {
                int top = containers.size() - 1;
                if (top < 0) {
                    return v;
                }
                Object container = containers.get(top);
                if (container instanceof Map<?, ?> m) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) m;
                    String key = keys.get(top);
                    if (map.containsKey(key)) {
                        throw error("duplicate member name '" + shorten(key) + "'");
                    }
                    map.put(key, v);
                } else {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) container;
                    list.add(v);
                }
                skipWhitespace();
                if (pos >= in.length) {
                    throw error("unexpected end of the document: an " + (container instanceof Map ? "object" : "array")
                            + " is not closed");
                }
                byte c = in[pos];
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                    if (container instanceof Map) {
                        keys.set(top, memberName());
                        skipWhitespace();
                    }
                    expectValue();
                    break;
                }
                if (c == (container instanceof Map ? '}' : ']')) {
                    pos++;
                    containers.remove(top);
                    keys.remove(top);
                    v = container;
                    continue;
                }
                throw error("expected ',' or '" + (container instanceof Map ? '}' : ']') + "' but found "
                        + describe());
            }
        }
    }

    /** Reads {@code "name" :}, leaving the position at the value. */
    private String memberName() {
        if (pos >= in.length || in[pos] != '"') {
            throw error("expected a member name in double quotes but found " + describe());
        }
        String name = string();
        skipWhitespace();
        if (pos >= in.length || in[pos] != ':') {
            throw error("expected ':' after member name '" + shorten(name) + "' but found " + describe());
        }
        pos++;
        skipWhitespace();
        return name;
    }

    private void expectValue() {
        if (pos >= in.length) {
            throw error("unexpected end of the document: a value is missing");
        }
    }

    private Object scalar() {
        byte b = in[pos];
        return switch (b) {
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    yield number();
                }
                throw error("expected a value but found " + describe());
            }
        };
    }

    private Object literal(String word, Object value) {
        int n = word.length();
        if (pos + n > in.length) {
            throw error("expected '" + word + "'");
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                throw error("expected '" + word + "' but found " + describe());
            }
        }
        pos += n;
        return value;
    }

    private Object number() {
        int start = pos;
        if (in[pos] == '-') {
            pos++;
        }
        if (pos >= in.length || !digit(in[pos])) {
            throw error("a number needs a digit after '-'");
        }
        if (in[pos] == '0') {
            pos++;
            if (pos < in.length && digit(in[pos])) {
                throw error("a number must not start with 0");
            }
        } else {
            digits();
        }
        boolean integral = true;
        if (pos < in.length && in[pos] == '.') {
            integral = false;
            pos++;
            if (pos >= in.length || !digit(in[pos])) {
                throw error("a number needs a digit after '.'");
            }
            digits();
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            integral = false;
            pos++;
            if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
                pos++;
            }
            if (pos >= in.length || !digit(in[pos])) {
                throw error("a number needs a digit in its exponent");
            }
            digits();
        }
        int length = pos - start;
        if (length > MAX_NUMBER_CHARS) {
            throw new JsonCodecException("a number of " + length + " characters at byte " + start
                    + " is longer than " + MAX_NUMBER_CHARS, null);
        }
        String text = new String(in, start, length, StandardCharsets.ISO_8859_1);
        if (integral && length <= 18) {
            return Long.parseLong(text);
        }
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException e) { // an exponent beyond an int: found by CoreFuzzTest.untypedJsonDecoding
            throw new JsonCodecException("the number at byte " + start + " is out of range: " + e.getMessage(), null);
        }
        if (exact.signum() == 0) {
            return integral ? (Object) 0L : (Object) 0.0d;
        }
        BigDecimal stripped = exact.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 19) {
            try {
                return stripped.longValueExact();
            } catch (ArithmeticException tooBig) {
                return exact;
            }
        }
        if (stripped.scale() <= 0) {
            return exact; // integral, beyond long: kept exact rather than rounded
        }
        double d = exact.doubleValue();
        return Double.isFinite(d) ? (Object) d : (Object) exact;
    }

    private void digits() {
        while (pos < in.length && digit(in[pos])) {
            pos++;
        }
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Reads a string at {@code "}, leaving the position after its closing quote. */
    private String string() {
        int start = ++pos;
        int i = start;
        while (i < in.length) {
            byte b = in[i];
            if (b == '"') {
                pos = i + 1;
                return new String(in, start, i - start, StandardCharsets.UTF_8);
            }
            if (b == '\\') {
                break;
            }
            if (b >= 0 && b < 0x20) {
                pos = i;
                throw error("a control character (U+00" + hex2(b) + ") must be escaped in a string");
            }
            i++;
        }
        StringBuilder sb = new StringBuilder(Math.max(16, (i - start) * 2));
        int plain = start;
        while (i < in.length) {
            byte b = in[i];
            if (b == '"') {
                sb.append(new String(in, plain, i - plain, StandardCharsets.UTF_8));
                pos = i + 1;
                return sb.toString();
            }
            if (b >= 0 && b < 0x20) {
                pos = i;
                throw error("a control character (U+00" + hex2(b) + ") must be escaped in a string");
            }
            if (b != '\\') {
                i++;
                continue;
            }
            sb.append(new String(in, plain, i - plain, StandardCharsets.UTF_8));
            if (i + 1 >= in.length) {
                break;
            }
            byte e = in[i + 1];
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 6 > in.length) {
                        pos = i;
                        throw error("a \\u escape needs four hex digits");
                    }
                    int c = 0;
                    for (int k = i + 2; k < i + 6; k++) {
                        int d = Character.digit(in[k], 16);
                        if (d < 0) {
                            pos = i;
                            throw error("a \\u escape needs four hex digits");
                        }
                        c = c << 4 | d;
                    }
                    sb.append((char) c);
                    i += 4;
                }
                default -> {
                    pos = i;
                    throw error("invalid escape '\\" + (char) (e & 0xff) + "' in a string");
                }
            }
            i += 2;
            plain = i;
        }
        pos = in.length;
        throw error("unexpected end of the document: a string is not closed");
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private String describe() {
        if (pos >= in.length) {
            return "the end of the document";
        }
        byte b = in[pos];
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "byte 0x" + hex2(b);
    }

    private static String hex2(byte b) {
        String h = Integer.toHexString(b & 0xff);
        return h.length() == 1 ? "0" + h : h;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private JsonCodecException error(String what) {
        return new JsonCodecException(what + " at byte " + pos, null);
    }
}
