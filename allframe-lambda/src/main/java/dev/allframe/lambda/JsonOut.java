package dev.allframe.lambda;

import dev.allframe.json.JsonStrings;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal JSON writer for the door's own response documents, whose shape is fixed: it avoids a codec round trip
 * through maps on every invocation, and loading a JSON library at cold start. Strings are escaped by core's
 * dependency-free {@link JsonStrings}. Commas are tracked per nesting level.
 */
final class JsonOut {
    private final StringBuilder sb;
    private boolean needComma;

    JsonOut(int capacity) {
        sb = new StringBuilder(capacity);
    }

    JsonOut begin() {
        sb.append('{');
        needComma = false;
        return this;
    }

    JsonOut end() {
        sb.append('}');
        needComma = true;
        return this;
    }

    JsonOut field(String name) {
        if (needComma) {
            sb.append(',');
        }
        quote(name);
        sb.append(':');
        needComma = false;
        return this;
    }

    JsonOut string(String value) {
        if (value == null) {
            sb.append("null");
        } else {
            quote(value);
        }
        needComma = true;
        return this;
    }

    JsonOut number(long value) {
        sb.append(value);
        needComma = true;
        return this;
    }

    JsonOut bool(boolean value) {
        sb.append(value);
        needComma = true;
        return this;
    }

    JsonOut strings(List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(values.get(i));
        }
        sb.append(']');
        needComma = true;
        return this;
    }

    byte[] bytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void quote(String s) {
        JsonStrings.quote(sb, s);
    }

}
