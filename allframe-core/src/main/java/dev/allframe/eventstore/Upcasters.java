package dev.allframe.eventstore;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;
import io.avaje.jsonb.Types;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Factories of {@link Upcaster}s. */
public final class Upcasters {
    private static final Type JSON_OBJECT = Types.mapOf(Object.class);

    private Upcasters() {
    }

    /**
     * An upcaster that renames a type and leaves the payload alone.
     *
     * @param fromType the old type name
     * @param toType the new type name
     * @return the upcaster
     */
    public static Upcaster rename(String fromType, String toType) {
        return of(fromType, e -> new EventData(toType, e.payload(), e.metadata()));
    }

    /**
     * An upcaster from a function.
     *
     * @param fromType the type name it applies to
     * @param function the transformation
     * @return the upcaster
     */
    public static Upcaster of(String fromType, UnaryOperator<EventData> function) {
        Objects.requireNonNull(fromType, "fromType");
        Objects.requireNonNull(function, "function");
        return new Upcaster() {
            @Override
            public String fromType() {
                return fromType;
            }

            @Override
            public EventData upcast(EventData event) {
                return function.apply(event);
            }

            @Override
            public String toString() {
                return "Upcaster[" + fromType + "]";
            }
        };
    }

    /**
     * An upcaster that edits the JSON object of the payload with the default codec, for example to add a field
     * that a newer class requires: {@code Upcasters.json("ItemAdded", "ItemAdded.v2", m -> { m.putIfAbsent("qty", 1); return m; })}.
     *
     * @param fromType the old type name
     * @param toType the new type name (may equal {@code fromType})
     * @param edit edits a mutable copy of the payload's members
     * @return the upcaster
     */
    public static Upcaster json(String fromType, String toType, UnaryOperator<Map<String, Object>> edit) {
        return json(fromType, toType, edit, JsonCodecs.defaultCodec());
    }

    /**
     * Like {@link #json(String, String, UnaryOperator)} with a given codec.
     *
     * @param fromType the old type name
     * @param toType the new type name
     * @param edit edits a mutable copy of the payload's members
     * @param codec the codec
     * @return the upcaster
     */
    public static Upcaster json(String fromType, String toType, UnaryOperator<Map<String, Object>> edit,
                                JsonCodec codec) {
        Objects.requireNonNull(toType, "toType");
        Objects.requireNonNull(edit, "edit");
        return of(fromType, e -> {
            Map<String, Object> members = new LinkedHashMap<>(codec.<Map<String, Object>>read(e.payload(), JSON_OBJECT));
            return new EventData(toType, codec.write(edit.apply(members)), e.metadata());
        });
    }
}
