package dev.allframe.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes plain JSON values ({@link TreeReader}'s output: maps with string keys, lists, strings, integral numbers,
 * finite doubles, big decimals, booleans, {@code null}) exactly: Avaje Jsonb 3.11 drops {@code null} elements from a
 * list ({@code [1,null,2]} became {@code [1,2]}, shifting every later element), which corrupted an EventBridge
 * {@code detail} re-written for its command. Members whose value is {@code null} are left out, as Avaje Jsonb does,
 * since absent and {@code null} read the same into a record. Iterative, like the reader. Anything else (a record
 * inside the map, a non-string key, a NaN) is not a plain value: {@link #write} then answers {@code null} and the
 * codec writes the value with Avaje Jsonb as before.
 */
final class TreeWriter {
    private TreeWriter() {
    }

    /** @return the JSON, or {@code null} if the value is not made of plain values only */
    static byte[] write(Object root) {
        StringBuilder sb = new StringBuilder(128);
        List<Iterator<?>> open = new ArrayList<>(); // the open containers' remaining entries or elements
        List<Boolean> isMap = new ArrayList<>();
        List<Boolean> empty = new ArrayList<>(); // nothing written in the container yet
        Object next = root;
        boolean haveValue = true;
        while (true) {
            if (haveValue) {
                if (next instanceof Map<?, ?> m) {
                    sb.append('{');
                    open.add(m.entrySet().iterator());
                    isMap.add(true);
                    empty.add(true);
                } else if (next instanceof List<?> l) {
                    sb.append('[');
                    open.add(l.iterator());
                    isMap.add(false);
                    empty.add(true);
                } else if (!scalar(sb, next)) {
                    return null;
                }
            }
            int top = open.size() - 1;
            if (top < 0) {
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            Iterator<?> it = open.get(top);
            haveValue = false;
            while (it.hasNext()) {
                Object item = it.next();
                if (isMap.get(top)) {
                    Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
                    if (!(e.getKey() instanceof String key)) {
                        return null;
                    }
                    if (e.getValue() == null) {
                        continue; // as Avaje Jsonb writes maps
                    }
                    sb.append(empty.get(top) ? "" : ",");
                    JsonStrings.quote(sb, key).append(':');
                    next = e.getValue();
                } else {
                    sb.append(empty.get(top) ? "" : ",");
                    next = item;
                }
                empty.set(top, false);
                haveValue = true;
                break;
            }
            if (!haveValue) {
                sb.append(isMap.get(top) ? '}' : ']');
                open.remove(top);
                isMap.remove(top);
                empty.remove(top);
            }
        }
    }

    private static boolean scalar(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            JsonStrings.quote(sb, s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            sb.append(v);
        } else if (v instanceof Double d && Double.isFinite(d)) {
            sb.append(d);
        } else if (v instanceof BigDecimal b) {
            sb.append(b);
        } else {
            return false;
        }
        return true;
    }
}
