package dev.allframe.json;

import io.avaje.jsonb.Jsonb;

import java.lang.reflect.Type;

/** {@link JsonCodec} over Avaje Jsonb. */
final class AvajeJsonCodec implements JsonCodec {
    private final Jsonb jsonb;

    AvajeJsonCodec(Jsonb jsonb) {
        this.jsonb = jsonb;
    }

    @Override
    public <T> T read(byte[] json, Type type) {
        try {
            T value = jsonb.<T>type(type).fromJson(json);
            if (value == null) {
                throw new JsonCodecException("JSON body is null; expected " + describe(type), null);
            }
            return value;
        } catch (JsonCodecException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonCodecException(clean(e.getMessage(), type), e);
        }
    }

    @Override
    public byte[] write(Object value) {
        try {
            return jsonb.toJsonBytes(value);
        } catch (RuntimeException e) {
            throw new JsonCodecException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** Library messages can be long or name internals; keep what tells the client where the JSON went wrong. */
    private static String clean(String message, Type type) {
        String m = message == null ? "invalid JSON" : message;
        if (m.length() > 300) {
            m = m.substring(0, 300) + "...";
        }
        return "invalid JSON for " + describe(type) + ": " + m;
    }

    private static String describe(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
