package dev.allframe.json;

import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;

import java.lang.reflect.Type;

/** {@link JsonCodec} over Avaje Jsonb, reading only documents within its {@link JsonLimits}. */
final class AvajeJsonCodec implements JsonCodec {
    private final Jsonb jsonb;
    private final JsonLimits limits;

    AvajeJsonCodec(Jsonb jsonb, JsonLimits limits) {
        this.jsonb = jsonb;
        this.limits = limits;
    }

    @Override
    public <T> T read(byte[] json, Type type) {
        if (type == Object.class || type == java.util.Map.class || type == java.util.List.class) {
            return untyped(json, (Class<?>) type);
        }
        // The adapter first: a type the build left without one is the server's fault whatever the document holds.
        JsonType<T> adapter = adapter(type);
        limits.check(json);
        try {
            T value = adapter.fromJson(json);
            if (value == null) {
                throw new JsonCodecException("JSON body is null; expected " + describe(type), null);
            }
            return value;
        } catch (JsonCodecException e) {
            throw e;
        } catch (RuntimeException e) {
            MissingJsonAdapterException missing = missingAdapter(e);
            if (missing != null) {
                throw missing; // a nested type without an adapter
            }
            if (e.getMessage() != null && e.getMessage().startsWith("Maximum string buffer limit exceeded")) {
                throw new JsonLimitException("maxStringBytes", JsonLimits.TYPED_MAX_STRING_CHARS, "a JSON string"
                        + " for " + describe(type) + " is longer than " + JsonLimits.TYPED_MAX_STRING_CHARS
                        + " characters, the most the JSON library (Avaje Jsonb) reads into a typed value"
                        + " (maxStringBytes)");
            }
            throw new JsonCodecException(clean(e.getMessage(), type), e);
        }
    }

    /** Untyped reads (the Lambda doors' events) go through {@link TreeReader}: no recursion, strings of any length. */
    @SuppressWarnings("unchecked")
    private <T> T untyped(byte[] json, Class<?> type) {
        limits.check(json);
        Object value;
        try {
            value = TreeReader.read(json);
        } catch (JsonCodecException e) {
            throw new JsonCodecException("invalid JSON for " + type.getSimpleName() + ": " + e.getMessage(), null);
        }
        if (value == null) {
            throw new JsonCodecException("JSON body is null; expected " + type.getSimpleName(), null);
        }
        if (!type.isInstance(value)) {
            throw new JsonCodecException("invalid JSON for " + type.getSimpleName() + ": expected a JSON "
                    + (type == java.util.Map.class ? "object" : "array") + " but found "
                    + (value instanceof java.util.Map ? "an object" : value instanceof java.util.List ? "an array"
                    : value instanceof String ? "a string" : value instanceof Boolean ? "a boolean" : "a number"),
                    null);
        }
        return (T) value;
    }

    @Override
    public byte[] write(Object value) {
        if (value instanceof java.util.Map || value instanceof java.util.List) {
            byte[] plain = TreeWriter.write(value); // keeps null list elements, which Avaje Jsonb drops
            if (plain != null) {
                return plain;
            }
        }
        try {
            return jsonb.toJsonBytes(value);
        } catch (RuntimeException e) {
            MissingJsonAdapterException missing = missingAdapter(e);
            if (missing != null) {
                throw missing;
            }
            throw new JsonCodecException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    private <T> JsonType<T> adapter(Type type) {
        try {
            return jsonb.type(type);
        } catch (RuntimeException e) {
            MissingJsonAdapterException missing = missingAdapter(e);
            throw missing != null ? missing : new IllegalStateException("Cannot create a JSON adapter for "
                    + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** Avaje Jsonb reports a missing adapter as {@code IllegalArgumentException("No JsonAdapter for <type>...")}. */
    private static MissingJsonAdapterException missingAdapter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingJsonAdapterException m) {
                return m;
            }
            String m = t.getMessage();
            if (t instanceof IllegalArgumentException && m != null && m.startsWith("No JsonAdapter for ")) {
                String name = m.substring("No JsonAdapter for ".length()).lines().findFirst().orElse("").strip();
                return new MissingJsonAdapterException(new Named(name.startsWith("class ") ? name.substring(6)
                        : name.startsWith("interface ") ? name.substring(10) : name));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
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

    /** A type known only by the name in the library's message (a nested type, not the one asked for). */
    private record Named(String name) implements Type {
        @Override
        public String getTypeName() {
            return name;
        }
    }
}
