package dev.allframe.json;

import java.lang.reflect.Type;

/**
 * The seam between AllFrame and a JSON library. The default is Avaje Jsonb with adapters generated at compile
 * time ({@link JsonCodecs#avaje()}); a module may supply another (and should bound what it reads, for example with
 * {@link JsonLimits#check}). Implementations are thread-safe.
 */
public interface JsonCodec {
    /**
     * @param json UTF-8 JSON text
     * @param type the target type (a class, or a parameterized type such as {@code List<Item>})
     * @param <T> the target type
     * @return the decoded value
     * @throws JsonCodecException if the text is not valid JSON or does not fit the type; the message says where
     *         ({@link JsonLimitException} if it crosses one of the codec's {@link JsonLimits})
     * @throws MissingJsonAdapterException if the codec has no adapter for the type (a fault of the build, not of
     *         the text)
     */
    <T> T read(byte[] json, Type type);

    /**
     * @param value a value of a type the codec knows
     * @return the value as UTF-8 JSON
     * @throws JsonCodecException if the value cannot be written
     * @throws MissingJsonAdapterException if the codec has no adapter for the value's type
     */
    byte[] write(Object value);
}

