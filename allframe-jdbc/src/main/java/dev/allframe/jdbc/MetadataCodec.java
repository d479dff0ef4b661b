package dev.allframe.jdbc;

import dev.allframe.eventstore.Metadata;
import dev.allframe.json.JsonCodecs;
import io.avaje.jsonb.Types;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Metadata as a JSON object in a text column. */
final class MetadataCodec {
    private static final Type STRING_MAP = Types.mapOf(String.class);

    private MetadataCodec() {
    }

    static String write(Metadata metadata) {
        if (metadata.isEmpty()) {
            return "{}";
        }
        return new String(JsonCodecs.defaultCodec().write(metadata.values()), StandardCharsets.UTF_8);
    }

    static Metadata read(String json) {
        if (json == null || json.equals("{}")) {
            return Metadata.empty();
        }
        Map<String, String> values = JsonCodecs.defaultCodec().read(json.getBytes(StandardCharsets.UTF_8), STRING_MAP);
        return new Metadata(values);
    }
}
