package dev.allframe.http;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private static Map<String, Object> problemOf(Response response) {
        assertThat(response.headers().firstOrNull("content-type")).isEqualTo("application/problem+json");
        return dev.allframe.json.JsonCodecs.defaultCodec().read(response.body(), Map.class);
    }

    private static Request post(String target, String contentType, String body) {
        Request.Builder b = Request.builder(HttpMethod.POST, target).body(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    @Nested
    class Matching {
        final Router router = Router.builder()
                .get("/", r -> Response.text("root"))
                .get("/orders", r -> Response.text("list"))
                .get("/orders/new", r -> Response.text("new-form"))
                .get("/orders/{id}", r -> Response.text("order " + r.pathParam("id")))
                .get("/orders/{id}/items/{item}", r -> Response.text(r.pathParam("id") + "/" + r.pathParam("item")))
                .get("/files/{path...}", r -> Response.text("file[" + r.pathParam("path") + "]"))
                .build();

        @Test
        void matches_the_root_and_literal_paths() {
            assertThat(router.handle(Request.get("/")).bodyAsString()).isEqualTo("root");
            assertThat(router.handle(Request.get("/orders")).bodyAsString()).isEqualTo("list");
        }

        @Test
        void prefers_a_literal_segment_over_a_parameter() {
            assertThat(router.handle(Request.get("/orders/new")).bodyAsString()).isEqualTo("new-form");
            assertThat(router.handle(Request.get("/orders/42")).bodyAsString()).isEqualTo("order 42");
        }

        @Test
        void binds_several_parameters() {
            assertThat(router.handle(Request.get("/orders/7/items/x1")).bodyAsString()).isEqualTo("7/x1");
        }

        @Test
        void decodes_percent_encoded_parameters_segment_by_segment() {
            assertThat(router.handle(Request.get("/orders/a%2Fb%20c")).bodyAsString()).isEqualTo("order a/b c");
            assertThat(router.handle(Request.get("/orders/caf%C3%A9")).bodyAsString()).isEqualTo("order café");
        }

        @Test
        void a_trailing_catch_all_takes_the_rest_of_the_path() {
            assertThat(router.handle(Request.get("/files/a/b/c.txt")).bodyAsString()).isEqualTo("file[a/b/c.txt]");
            assertThat(router.handle(Request.get("/files/")).bodyAsString()).isEqualTo("file[]");
            assertThat(router.handle(Request.get("/files")).bodyAsString()).isEqualTo("file[]");
        }

        @Test
        void an_unknown_path_is_a_404_problem_naming_the_path() {
            Response r = router.handle(Request.get("/nope/x"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(problemOf(r)).containsEntry("status", 404L).containsEntry("title", "Not Found")
                    .containsEntry("detail", "No route for GET /nope/x");
        }

        @Test
        void an_empty_segment_does_not_match_a_parameter() {
            assertThat(router.handle(Request.get("/orders//items/1")).status()).isEqualTo(404);
            assertThat(router.handle(Request.get("/orders/")).status()).isEqualTo(404);
        }

        @Test
        void invalid_percent_encoding_is_a_400_that_says_so() {
            Response r = router.handle(Request.get("/orders/%zz"));
            assertThat(r.status()).isEqualTo(400);
            assertThat((String) problemOf(r).get("detail")).contains("Invalid percent-encoding in the path");
            assertThat(router.handle(Request.get("/orders/%C3")).status()).isEqualTo(400);
            assertThat(router.handle(Request.get("/orders/abc%4")).status()).isEqualTo(400);
        }
    }

    @Nested
    class Methods {
        final Router router = Router.builder()
                .get("/orders/{id}", r -> Response.text("get " + r.pathParam("id")).withHeader("x-id", r.pathParam("id")))
                .delete("/orders/{id}", r -> Response.noContent())
                .post("/orders/{id}/submit", r -> Response.text("submitted"))
                .route(HttpMethod.of("PURGE"), "/cache", r -> Response.text("purged"))
                .build();

        @Test
        void a_known_path_with_another_method_is_a_405_with_allow() {
            Response r = router.handle(Request.builder(HttpMethod.PUT, "/orders/1").build());
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.headers().firstOrNull("allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS");
            assertThat((String) problemOf(r).get("detail")).isEqualTo(
                    "PUT is not allowed on /orders/1; allowed: DELETE, GET, HEAD, OPTIONS");
        }

        @Test
        void head_falls_back_to_get_without_a_body_but_with_its_length() {
            Response r = router.handle(Request.builder(HttpMethod.HEAD, "/orders/9").build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstOrNull("content-length")).isEqualTo("5");
            assertThat(r.headers().firstOrNull("x-id")).isEqualTo("9");
        }

        @Test
        void options_answers_with_allow() {
            Response r = router.handle(Request.builder(HttpMethod.OPTIONS, "/orders/1/submit").build());
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.headers().firstOrNull("allow")).isEqualTo("OPTIONS, POST");
        }

        @Test
        void allow_lists_each_method_once_sorted_by_name_whatever_the_registration_order() {
            Router many = Router.builder()
                    .route(HttpMethod.of("PURGE"), "/x", r -> Response.text("purged"))
                    .put("/x", r -> Response.text("put"))
                    .route(HttpMethod.HEAD, "/x", r -> Response.noContent())
                    .patch("/x", r -> Response.text("patched"))
                    .get("/x", r -> Response.text("got"))
                    .delete("/x", r -> Response.noContent())
                    .build();
            Response r = many.handle(Request.builder(HttpMethod.POST, "/x").build());
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.headers().firstOrNull("allow")).isEqualTo("DELETE, GET, HEAD, OPTIONS, PATCH, PURGE, PUT");
        }

        @Test
        void explicit_head_and_options_routes_win_over_the_automatic_ones() {
            Router custom = Router.builder()
                    .get("/x", r -> Response.text("get"))
                    .route(HttpMethod.HEAD, "/x", r -> Response.status(299))
                    .route(HttpMethod.OPTIONS, "/x", r -> Response.status(298))
                    .build();
            assertThat(custom.handle(Request.builder(HttpMethod.HEAD, "/x").build()).status()).isEqualTo(299);
            assertThat(custom.handle(Request.builder(HttpMethod.OPTIONS, "/x").build()).status()).isEqualTo(298);
        }

        @Test
        void extension_methods_route_like_standard_ones() {
            assertThat(router.handle(Request.builder(HttpMethod.of("PURGE"), "/cache").build()).bodyAsString())
                    .isEqualTo("purged");
        }

        @Test
        void a_parameter_route_with_the_method_wins_over_a_literal_route_without_it() {
            Router r = Router.builder()
                    .get("/orders/new", q -> Response.text("form"))
                    .post("/orders/{id}", q -> Response.text("post " + q.pathParam("id")))
                    .build();
            assertThat(r.handle(post("/orders/new", null, "")).bodyAsString()).isEqualTo("post new");
        }
    }

    @Nested
    class Registration {
        @Test
        void a_duplicate_route_fails_fast_naming_both() {
            Router.Builder b = Router.builder().get("/orders/{id}", r -> Response.text("a"));
            assertThatThrownBy(() -> b.get("/orders/{orderId}", r -> Response.text("b")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Duplicate route: GET /orders/{orderId} conflicts with GET /orders/{id}");
        }

        @Test
        void the_same_path_with_other_methods_is_fine() {
            Router r = Router.builder().get("/a", q -> Response.text("g")).post("/a", q -> Response.text("p")).build();
            assertThat(r.routes()).hasSize(2);
        }

        @Test
        void malformed_templates_are_rejected_with_the_reason() {
            assertThatThrownBy(() -> Router.builder().get("orders", r -> null))
                    .hasMessageContaining("expected to start with '/'");
            assertThatThrownBy(() -> Router.builder().get("/files/{p...}/x", r -> null))
                    .hasMessageContaining("must be the last segment");
            assertThatThrownBy(() -> Router.builder().get("/a/x{id}", r -> null))
                    .hasMessageContaining("a parameter must be a whole segment");
            assertThatThrownBy(() -> Router.builder().get("/a/{1d}", r -> null))
                    .hasMessageContaining("parameter name '1d'");
            assertThatThrownBy(() -> Router.builder().get("/a/{id}/{id}", r -> null))
                    .hasMessageContaining("appears twice");
        }

        @Test
        void asking_for_a_parameter_the_route_lacks_names_the_ones_it_has() {
            Router r = Router.builder().get("/a/{id}", q -> Response.text(q.pathParam("nope"))).build();
            Response resp = r.handle(Request.get("/a/1"));
            assertThat(resp.status()).isEqualTo(500);
        }
    }

    @Nested
    class Filters {
        @Test
        void filters_run_in_order_around_routing_and_see_404s() {
            List<String> seen = new ArrayList<>();
            Router router = Router.builder()
                    .filter((req, next) -> {
                        seen.add("outer>" + req.path());
                        Response r = next.handle(req);
                        seen.add("outer<" + r.status());
                        return r.withHeader("x-outer", "1");
                    })
                    .filter((req, next) -> {
                        seen.add("inner>");
                        return next.handle(req);
                    })
                    .get("/ok", r -> Response.text("ok"))
                    .build();
            Response ok = router.handle(Request.get("/ok"));
            Response missing = router.handle(Request.get("/missing"));
            assertThat(ok.headers().firstOrNull("x-outer")).isEqualTo("1");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.headers().firstOrNull("x-outer")).isEqualTo("1");
            assertThat(seen).containsExactly("outer>/ok", "inner>", "outer<200", "outer>/missing", "inner>",
                    "outer<404");
        }

        @Test
        void a_filter_sees_the_mapped_response_of_a_failing_handler() {
            List<Integer> statuses = new ArrayList<>();
            Router router = Router.builder()
                    .filter((req, next) -> {
                        Response r = next.handle(req);
                        statuses.add(r.status());
                        return r;
                    })
                    .get("/boom", r -> {
                        throw new IllegalStateException("secret internals");
                    })
                    .build();
            assertThat(router.handle(Request.get("/boom")).status()).isEqualTo(500);
            assertThat(statuses).containsExactly(500);
        }

        @Test
        void a_filter_can_short_circuit() {
            Router router = Router.builder()
                    .filter((req, next) -> req.header("authorization").isPresent() ? next.handle(req)
                            : Response.problem(Problem.of(401, "missing credentials")))
                    .get("/private", r -> Response.text("secret"))
                    .build();
            assertThat(router.handle(Request.get("/private")).status()).isEqualTo(401);
            assertThat(router.handle(Request.builder(HttpMethod.GET, "/private").header("Authorization", "x").build())
                    .bodyAsString()).isEqualTo("secret");
        }
    }

    @Nested
    class Errors {
        static class DomainException extends RuntimeException {
            DomainException(String m) {
                super(m);
            }
        }

        static class SpecificDomainException extends DomainException {
            SpecificDomainException(String m) {
                super(m);
            }
        }

        @Test
        void an_unexpected_exception_is_a_500_problem_without_internals() {
            Router router = Router.builder().get("/boom", r -> {
                throw new IllegalStateException("db password is hunter2");
            }).build();
            Response r = router.handle(Request.get("/boom"));
            assertThat(r.status()).isEqualTo(500);
            String body = r.bodyAsString();
            assertThat(body).doesNotContain("hunter2").doesNotContain("IllegalStateException")
                    .doesNotContain("at dev.allframe");
            Map<String, Object> problem = problemOf(r);
            assertThat(problem).containsEntry("title", "Internal Server Error").containsKey("errorId");
            assertThat((String) problem.get("detail")).contains((String) problem.get("errorId"));
        }

        @Test
        void an_http_exception_answers_with_its_problem() {
            Router router = Router.builder().get("/orders/{id}", r -> {
                throw HttpException.notFound("Order " + r.pathParam("id") + " does not exist");
            }).build();
            Response r = router.handle(Request.get("/orders/5"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(problemOf(r)).containsEntry("detail", "Order 5 does not exist").containsEntry("type",
                    "about:blank");
        }

        @Test
        void registered_error_handlers_map_by_the_most_specific_type() {
            Router router = Router.builder()
                    .error(DomainException.class, (e, req) -> Response.problem(Problem.of(422, e.getMessage())))
                    .error(SpecificDomainException.class,
                            (e, req) -> Response.problem(Problem.of(409, "specific: " + e.getMessage())))
                    .get("/general", r -> {
                        throw new DomainException("rule broken");
                    })
                    .get("/specific", r -> {
                        throw new SpecificDomainException("clash");
                    })
                    .build();
            assertThat(router.handle(Request.get("/general")).status()).isEqualTo(422);
            Response specific = router.handle(Request.get("/specific"));
            assertThat(specific.status()).isEqualTo(409);
            assertThat(problemOf(specific)).containsEntry("detail", "specific: clash");
        }

        @Test
        void an_error_handler_that_fails_falls_back_to_500() {
            Router router = Router.builder()
                    .error(DomainException.class, (e, req) -> {
                        throw new IllegalArgumentException("bad mapper");
                    })
                    .get("/x", r -> {
                        throw new DomainException("x");
                    })
                    .build();
            assertThat(router.handle(Request.get("/x")).status()).isEqualTo(500);
        }

        @Test
        void a_handler_returning_null_is_a_500_not_a_crash() {
            Router router = Router.builder().get("/null", r -> null).build();
            assertThat(router.handle(Request.get("/null")).status()).isEqualTo(500);
        }

        @Test
        void a_stack_overflow_in_a_handler_is_a_500() {
            Router router = Router.builder().get("/deep", r -> Response.text(String.valueOf(recurse(0)))).build();
            assertThat(router.handle(Request.get("/deep")).status()).isEqualTo(500);
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    @Nested
    class Bodies {
        final Router router = Router.builder()
                .maxBodyBytes(64)
                .post("/orders", dev.allframe.http.Json.body(CreateOrder.class,
                        (req, cmd) -> Response.json(201, Map.of("customer", cmd.customer(), "quantity", cmd.quantity()))))
                .build();

        @Test
        void binds_a_json_body_to_a_record_and_answers_json() {
            Response r = router.handle(post("/orders", "application/json", "{\"customer\":\"ann\",\"quantity\":3}"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.headers().firstOrNull("content-type")).isEqualTo("application/json");
            assertThat(dev.allframe.json.JsonCodecs.defaultCodec().<Map<String, Object>>read(r.body(), Map.class))
                    .containsEntry("customer", "ann").containsEntry("quantity", 3L);
        }

        @Test
        void accepts_a_json_body_without_a_content_type_or_with_parameters() {
            assertThat(router.handle(post("/orders", null, "{\"customer\":\"a\",\"quantity\":1}")).status())
                    .isEqualTo(201);
            assertThat(router.handle(post("/orders", "application/json; charset=utf-8",
                    "{\"customer\":\"a\",\"quantity\":1}")).status()).isEqualTo(201);
        }

        @Test
        void malformed_json_is_a_400_that_says_what_is_wrong() {
            Response r = router.handle(post("/orders", "application/json", "{\"customer\":"));
            assertThat(r.status()).isEqualTo(400);
            assertThat((String) problemOf(r).get("detail")).startsWith("Malformed JSON body: invalid JSON for CreateOrder");
        }

        @Test
        void a_wrongly_typed_field_is_a_400() {
            Response r = router.handle(post("/orders", "application/json", "{\"customer\":\"a\",\"quantity\":\"x\"}"));
            assertThat(r.status()).isEqualTo(400);
        }

        @Test
        void a_missing_body_is_a_400() {
            Response r = router.handle(post("/orders", "application/json", ""));
            assertThat(r.status()).isEqualTo(400);
            assertThat(problemOf(r)).containsEntry("detail", "A JSON request body is required");
        }

        @Test
        void a_json_null_body_is_a_400() {
            assertThat(router.handle(post("/orders", "application/json", "null")).status()).isEqualTo(400);
        }

        @Test
        void a_non_json_content_type_is_a_415() {
            Response r = router.handle(post("/orders", "text/plain", "customer=ann"));
            assertThat(r.status()).isEqualTo(415);
            assertThat((String) problemOf(r).get("detail")).contains("text/plain");
        }

        @Test
        void a_body_over_the_limit_is_a_413_before_the_handler_runs() {
            String big = "{\"customer\":\"" + "x".repeat(100) + "\",\"quantity\":1}";
            Response r = router.handle(post("/orders", "application/json", big));
            assertThat(r.status()).isEqualTo(413);
            assertThat((String) problemOf(r).get("detail")).isEqualTo("The request body of "
                    + big.getBytes(StandardCharsets.UTF_8).length + " bytes exceeds the limit of 64 bytes");
        }

        @Test
        void a_negative_limit_is_rejected() {
            assertThatThrownBy(() -> Router.builder().maxBodyBytes(-1))
                    .hasMessage("maxBodyBytes (expected >= 0): -1");
        }
    }
}
