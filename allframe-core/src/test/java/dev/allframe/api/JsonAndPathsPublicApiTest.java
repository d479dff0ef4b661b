package dev.allframe.api;

import dev.allframe.http.PercentCodec;
import dev.allframe.http.Response;
import dev.allframe.inject.Environment;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonLimitException;
import dev.allframe.json.JsonLimits;
import dev.allframe.json.MissingJsonAdapterException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the public API of the JSON limits and generated paths as a user would, so a break fails compilation. */
class JsonAndPathsPublicApiTest {
    @Test
    void theJsonLimitsAndPathApiCompilesAndWorks() {
        JsonLimits limits = JsonLimits.fromEnvironment(Environment.of(Map.of(JsonLimits.MAX_DEPTH_VARIABLE, "64")))
                .withMaxStringBytes(1024).withMaxEntries(100).withMaxDocumentBytes(4096);
        int depth = limits.maxDepth();
        int typed = JsonLimits.TYPED_MAX_STRING_CHARS;
        JsonCodec codec = JsonCodecs.avaje(limits);
        limits.check("{}".getBytes());
        try {
            codec.read("[[1]]".getBytes(), Object.class);
        } catch (JsonLimitException e) {
            String name = e.limit();
            long max = e.max();
        } catch (JsonCodecException e) {
            throw new AssertionError(e);
        }
        MissingJsonAdapterException missing = new MissingJsonAdapterException(Object.class);
        Type type = missing.type();
        String location = PercentCodec.expandPath("/orders/{id}", "x/y");
        String segment = PercentCodec.encodePathSegment("ü");
        Response created = Response.status(201).withLocation("/orders/{id}", "x/y");
        assertThat(created.headers().firstOrNull("location")).isEqualTo(location).isEqualTo("/orders/x%2Fy");
        assertThat(depth).isEqualTo(64);
        assertThat(typed).isEqualTo(32_767);
        assertThat(segment).isEqualTo("%C3%BC");
        assertThat(type).isEqualTo(Object.class);
    }
}
