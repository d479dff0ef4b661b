package dev.allframe.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.allframe.http.CreateOrder;
import dev.allframe.http.HttpException;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Json;
import dev.allframe.http.PercentCodec;
import dev.allframe.http.Problem;
import dev.allframe.http.QueryParams;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets of the core's parsers of client input. In every build they run in regression mode over the seeds in
 * {@code src/test/resources/dev/allframe/fuzz/CoreFuzzTestInputs/<method>/} (and any crash Jazzer saved there);
 * {@code scripts/fuzz.sh} fuzzes them for a bounded time with {@code JAZZER_FUZZ=1}.
 */
class CoreFuzzTest {
    private static final JsonCodec CODEC = JsonCodecs.defaultCodec();
    private static final Router ROUTER = Router.builder()
            .post("/orders", Json.body(CreateOrder.class, (req, cmd) -> Response.json(201, Map.of("customer",
                    String.valueOf(cmd.customer()), "quantity", cmd.quantity()))))
            .get("/orders/{id}", req -> Response.text(req.pathParam("id")))
            .get("/files/{path...}", req -> Response.text(req.pathParam("path")))
            .build();

    /** A command body is answered 201 or a client error naming the problem; never 500, never a thrown error. */
    @FuzzTest(maxDuration = "60s")
    void commandJsonDecoding(@NotNull byte[] body) {
        Response r = ROUTER.handle(Request.builder(HttpMethod.POST, "/orders")
                .header("content-type", "application/json").body(body).build());
        assertThat(r.status()).as(r.bodyAsString()).isIn(201, 400, 413);
        if (r.status() != 201) {
            assertThat(r.headers().firstOrNull("content-type")).isEqualTo(Problem.MEDIA_TYPE);
        }
    }

    /**
     * Untyped JSON is read or refused with a {@link JsonCodecException}; what is read writes back to itself, except
     * members whose value is {@code null}, which are left out as absent.
     */
    @FuzzTest(maxDuration = "60s")
    void untypedJsonDecoding(@NotNull byte[] json) {
        Object value;
        try {
            value = CODEC.read(json, Object.class);
        } catch (JsonCodecException refused) {
            return;
        }
        assertThat(CODEC.<Object>read(CODEC.write(value), Object.class)).isEqualTo(withoutNullMembers(value));
    }

    private static Object withoutNullMembers(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, withoutNullMembers(v));
                }
            });
            return out;
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(CoreFuzzTest::withoutNullMembers).collect(java.util.stream.Collectors.toList());
        }
        return value;
    }

    /** Percent-decoding answers the text or a 400, and undoes encoding. */
    @FuzzTest(maxDuration = "60s")
    void percentAndQueryDecoding(@NotNull String s) {
        for (Runnable decode : new Runnable[] {() -> PercentCodec.decodePathSegment(s),
                () -> PercentCodec.decodeQueryComponent(s), () -> QueryParams.parse(s)}) {
            try {
                decode.run();
            } catch (HttpException e) {
                assertThat(e.status()).isEqualTo(400);
            }
        }
        if (!hasLoneSurrogate(s)) {
            assertThat(PercentCodec.decodePathSegment(PercentCodec.encodePathSegment(s))).isEqualTo(s);
        }
    }

    /** Any request target is routed or refused as the client's fault, never a 500. */
    @FuzzTest(maxDuration = "60s")
    void requestTargets(@NotNull String target) {
        Request request;
        try {
            request = Request.get(target);
        } catch (HttpException | IllegalArgumentException refused) {
            return;
        }
        assertThat(ROUTER.handle(request).status()).isIn(Set.of(200, 400, 404, 405));
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
