package dev.allframe.json;

import java.lang.reflect.Type;

/**
 * The codec has no adapter for a type: a fault of the application's build (the type lacks Avaje Jsonb's
 * {@code @Json}, or the {@code avaje-jsonb-generator} annotation processor did not run), never of the JSON it was
 * given. Deliberately not a {@link JsonCodecException}, so no door reports it as the client's malformed input: HTTP
 * routes answer 500 with an error id and log one line naming the type and the fix; the Lambda event doors report
 * the message for retry rather than as poison.
 */
public final class MissingJsonAdapterException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Type type;

    /** @param type the type without an adapter */
    public MissingJsonAdapterException(Type type) {
        super("No JSON adapter for " + type.getTypeName() + ": annotate it with @io.avaje.jsonb.Json (or name it in"
                + " @Json.Import) and compile with the avaje-jsonb-generator annotation processor; this is a fault"
                + " of the application's build, not of the JSON it was given");
        this.type = type;
    }

    /** @return the type without an adapter */
    public Type type() {
        return type;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // the message names the type and the fix; a stack adds nothing
    }
}
