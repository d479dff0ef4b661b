package dev.allframe.http;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonLimits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON limits and missing adapters through the real router and {@link Json#body}: each limit at its edge and just
 * beyond, with the default codec (the one {@code Json.body} and the processor's routes use) and a configured one.
 */
class JsonLimitsRouterTest {
    private final Router router = Router.builder()
            .maxBodyBytes(64L * 1024 * 1024)
            .post("/orders", Json.body(CreateOrder.class, (req, cmd) -> Response.json(201, Map.of("customer",
                    cmd.customer()))))
            .post("/small", req -> {
                JsonCodec small = JsonCodecs.avaje(JsonLimits.defaults().withMaxDepth(3).withMaxStringBytes(8)
                        .withMaxEntries(2).withMaxDocumentBytes(60));
                CreateOrder cmd = Json.read(req, CreateOrder.class, small);
                return Response.text(cmd.customer());
            })
            .post("/untyped", req -> {
                Map<?, ?> body = Json.read(req, Map.class, JsonCodecs.defaultCodec());
                return Response.text(Integer.toString(((String) body.get("note")).length()));
            })
            .post("/unannotated", Json.body(Unannotated.class, (req, body) -> Response.text(body.customer())))
            .build();

    /** A body type the build left without a generated adapter: no {@code @Json}. */
    record Unannotated(String customer) {
    }

    private Response post(String path, String json) {
        return router.handle(Request.builder(HttpMethod.POST, path).header("content-type", "application/json")
                .body(json).build());
    }

    private static Map<String, Object> problemOf(Response response) {
        assertThat(response.headers().firstOrNull("content-type")).isEqualTo(Problem.MEDIA_TYPE);
        return JsonCodecs.defaultCodec().read(response.body(), Map.class);
    }

    /** An order with an unknown field {@code extra} holding {@code depth} nested arrays. */
    private static String orderWithNesting(int depth) {
        return "{\"customer\":\"ann\",\"quantity\":1,\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    private static void assertLimit(Response r, int status, String limit) {
        assertThat(r.status()).isEqualTo(status);
        Map<String, Object> problem = problemOf(r);
        assertThat(problem).containsEntry("limit", limit);
        assertThat((String) problem.get("detail")).startsWith("The JSON body exceeds a limit: ").contains(limit);
    }

    @Test
    void a_100000_deep_value_in_an_unknown_field_is_a_400_naming_maxDepth_not_a_stack_overflow() {
        Response r = post("/orders", orderWithNesting(100_000));
        assertLimit(r, 400, "maxDepth");
        assertThat((String) problemOf(r).get("detail")).contains("deeper than the limit of 500 levels");
    }

    @Test
    void nesting_at_the_default_depth_is_read_and_one_level_more_is_a_400() {
        // The order object is level 1, so 499 arrays inside it reach level 500.
        assertThat(post("/orders", orderWithNesting(JsonLimits.DEFAULT_MAX_DEPTH - 1)).status()).isEqualTo(201);
        assertLimit(post("/orders", orderWithNesting(JsonLimits.DEFAULT_MAX_DEPTH)), 400, "maxDepth");
    }

    @Test
    void a_string_at_the_default_length_is_read_and_one_byte_more_is_a_400() {
        String edge = "x".repeat(JsonLimits.DEFAULT_MAX_STRING_BYTES);
        Response ok = post("/untyped", "{\"note\":\"" + edge + "\"}");
        assertThat(ok.status()).as(ok.bodyAsString()).isEqualTo(200);
        assertThat(ok.bodyAsString()).isEqualTo(Integer.toString(JsonLimits.DEFAULT_MAX_STRING_BYTES));
        assertLimit(post("/untyped", "{\"note\":\"" + edge + "x\"}"), 400, "maxStringBytes");
    }

    @Test
    void a_string_for_a_record_is_bounded_by_the_library_and_named_as_maxStringBytes() {
        String edge = "x".repeat(JsonLimits.TYPED_MAX_STRING_CHARS);
        Response ok = post("/orders", "{\"customer\":\"" + edge + "\",\"quantity\":1}");
        assertThat(ok.status()).as(ok.bodyAsString()).isEqualTo(201);
        Response r = post("/orders", "{\"customer\":\"" + edge + "x\",\"quantity\":1}");
        assertLimit(r, 400, "maxStringBytes");
        assertThat((String) problemOf(r).get("detail")).contains("longer than 32767 characters");
    }

    @Test
    void a_member_name_counts_as_a_string() {
        assertLimit(post("/small", "{\"abcdefghi\":1}"), 400, "maxStringBytes");
    }

    @Test
    void an_array_of_the_default_entries_is_read_and_one_more_is_a_400() {
        String edge = "0" + ",0".repeat(JsonLimits.DEFAULT_MAX_ENTRIES - 1);
        assertThat(post("/orders", "{\"customer\":\"ann\",\"quantity\":1,\"extra\":[" + edge + "]}").status())
                .isEqualTo(201);
        Response r = post("/orders", "{\"customer\":\"ann\",\"quantity\":1,\"extra\":[" + edge + ",0]}");
        assertLimit(r, 400, "maxEntries");
        assertThat((String) problemOf(r).get("detail")).contains("a JSON array has more than the limit of 100000");
    }

    @Test
    void an_object_with_more_members_than_maxEntries_is_a_400() {
        assertThat(post("/small", "{\"customer\":\"ann\",\"quantity\":1}").status()).isEqualTo(200);
        Response r = post("/small", "{\"customer\":\"ann\",\"quantity\":1,\"x\":1}");
        assertLimit(r, 400, "maxEntries");
        assertThat((String) problemOf(r).get("detail")).contains("a JSON object has more than the limit of 2");
    }

    @Test
    void a_configured_depth_is_enforced_at_its_edge() {
        assertThat(post("/small", "{\"customer\":\"ann\",\"x\":[[1]]}").bodyAsString()).isEqualTo("ann");
        assertLimit(post("/small", "{\"customer\":\"ann\",\"x\":[[[1]]]}"), 400, "maxDepth");
    }

    @Test
    void a_document_at_the_configured_size_is_read_and_one_byte_more_is_a_413() {
        String edge = "{\"customer\":\"ann\"}" + " ".repeat(60 - 18);
        assertThat(edge.getBytes(StandardCharsets.UTF_8)).hasSize(60);
        assertThat(post("/small", edge).status()).isEqualTo(200);
        assertLimit(post("/small", edge + " "), 413, "maxDocumentBytes");
    }

    @Test
    void brackets_commas_and_escaped_quotes_inside_strings_do_not_count() {
        assertThat(post("/small", "{\"customer\":\"[[,\\\"\"}").bodyAsString()).isEqualTo("[[,\"");
    }

    @Test
    void a_body_type_without_a_json_adapter_is_a_500_with_an_error_id_logged_once_in_one_line() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.allframe.http.Router");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        Response r;
        try {
            r = post("/unannotated", "{\"customer\":\"ann\"}");
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(r.status()).isEqualTo(500);
        Map<String, Object> problem = problemOf(r);
        String id = (String) problem.get("errorId");
        assertThat(id).isNotBlank();
        assertThat((String) problem.get("detail")).contains(id).doesNotContain("Unannotated").doesNotContain("JSON");
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).isNull();
            assertThat(record.getMessage()).doesNotContain("\n")
                    .contains("error id " + id)
                    .contains("POST /unannotated")
                    .contains("No JSON adapter for dev.allframe.http.JsonLimitsRouterTest$Unannotated")
                    .contains("annotate it with @io.avaje.jsonb.Json");
        });
    }

    @Test
    void a_malformed_body_of_a_type_without_an_adapter_is_still_the_servers_fault() {
        assertThat(post("/unannotated", "{\"customer\":").status()).isEqualTo(500);
    }
}
