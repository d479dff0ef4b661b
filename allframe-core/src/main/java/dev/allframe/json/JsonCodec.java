package dev.allframe.json;

import java.lang.reflect.Type;

/**
 * The seam between AllFrame and a JSON library. The default is Avaje Jsonb with adapters generated at compile
 * time ({@link JsonCodecs#avaje()}); a module may supply another. Implementations are thread-safe.
 */
public interface JsonCodec {
    /**
     * @param json UTF-8 JSON text
     * @param type the target type (a class, or a parameterized type such as {@code List<Item>})
     * @param <T> the target type
     * @return the decoded value
     * @throws JsonCodecException if the text is not valid JSON or does not fit the type; the message says where
     */
    <T> T read(byte[] json, Type type);

    /**
     * @param value a value of a type the codec knows
     * @return the value as UTF-8 JSON
     * @throws JsonCodecException if the value's type cannot be written
     */
    byte[] write(Object value);
}
