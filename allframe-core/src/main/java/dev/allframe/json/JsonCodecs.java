package dev.allframe.json;

/** Factories of {@link JsonCodec}s. */
public final class JsonCodecs {
    private JsonCodecs() {
    }

    /** @return a codec over Avaje Jsonb; types need generated adapters ({@code @Json}) or are built in */
    public static JsonCodec avaje() {
        return new AvajeJsonCodec(io.avaje.jsonb.Jsonb.builder().build());
    }

    /**
     * The codec used by {@code Response.json} and {@code Json.body}: Avaje Jsonb, created on first use so a
     * process that never touches JSON never pays for it.
     *
     * @return the shared default codec
     */
    public static JsonCodec defaultCodec() {
        return Default.CODEC;
    }

    private static final class Default {
        static final JsonCodec CODEC = avaje();
    }
}
