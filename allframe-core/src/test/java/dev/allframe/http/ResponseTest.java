package dev.allframe.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseTest {
    @Test
    void json_writes_maps_and_lists_with_the_default_codec() {
        Response r = Response.json(Map.of("items", List.of(1, 2)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyAsString()).isEqualTo("{\"items\":[1,2]}");
    }

    @Test
    void problem_renders_rfc_9457_members_in_order_with_extensions() {
        Response r = Response.problem(Problem.of(422, "quantity must be positive")
                .with("errors", List.of(new java.util.TreeMap<>(Map.of("field", "quantity", "message", "must be positive")))));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.headers().firstOrNull("content-type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\","
                + "\"status\":422,\"detail\":\"quantity must be positive\","
                + "\"errors\":[{\"field\":\"quantity\",\"message\":\"must be positive\"}]}");
    }

    @Test
    void problem_details_are_json_escaped() {
        Response r = Response.problem(Problem.of(400, "bad \"quote\" and </script>"));
        assertThat(r.bodyAsString()).contains("bad \\\"quote\\\"");
    }

    @Test
    void rejects_impossible_statuses() {
        assertThatThrownBy(() -> Response.status(99)).hasMessage("status (expected 100..599): 99");
        assertThatThrownBy(() -> Problem.of(200, "x")).hasMessage("status (expected 400..599): 200");
    }

    @Test
    void responses_with_equal_parts_are_equal() {
        assertThat(Response.text("a")).isEqualTo(Response.text("a"));
        assertThat(Response.text("a")).isNotEqualTo(Response.text("b"));
    }
}
