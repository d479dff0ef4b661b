package dev.allframe.json;

import dev.allframe.inject.Environment;

/** Factories of {@link JsonCodec}s. */
public final class JsonCodecs {
    private JsonCodecs() {
    }

    /**
     * @return a codec over Avaje Jsonb with {@link JsonLimits#defaults()}; types need generated adapters
     *         ({@code @Json}) or are built in
     */
    public static JsonCodec avaje() {
        return avaje(JsonLimits.defaults());
    }

    /**
     * @param limits what the codec reads: documents crossing them fail with {@link JsonLimitException}
     * @return a codec over Avaje Jsonb; types need generated adapters ({@code @Json}) or are built in
     */
    public static JsonCodec avaje(JsonLimits limits) {
        return new AvajeJsonCodec(io.avaje.jsonb.Jsonb.builder().build(),
                java.util.Objects.requireNonNull(limits, "limits"));
    }

    /**
     * The codec used by {@code Response.json}, {@code Json.body}, the processor's routes and the Lambda doors:
     * Avaje Jsonb with {@link JsonLimits#fromEnvironment the limits of the environment}, created on first use so a
     * process that never touches JSON never pays for it.
     *
     * @return the shared default codec
     * @throws dev.allframe.inject.ConfigurationException if an {@code ALLFRAME_JSON_*} variable is malformed (on
     *         every call, so the first request and the Lambda init phase report it alike)
     */
    public static JsonCodec defaultCodec() {
        if (Default.FAILURE != null) {
            throw new dev.allframe.inject.ConfigurationException(Default.FAILURE.problems());
        }
        return Default.CODEC;
    }

    private static final class Default {
        static final dev.allframe.inject.ConfigurationException FAILURE;
        static final JsonCodec CODEC;

        static {
            JsonLimits limits;
            dev.allframe.inject.ConfigurationException failure = null;
            try {
                limits = JsonLimits.fromEnvironment(Environment.system());
            } catch (dev.allframe.inject.ConfigurationException e) {
                failure = e;
                limits = JsonLimits.defaults();
            }
            FAILURE = failure;
            CODEC = avaje(limits);
        }
    }
}
