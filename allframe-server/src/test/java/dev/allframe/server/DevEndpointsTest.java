package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevEndpointsTest {
    private final Router router = Router.builder()
            .get("/orders/{id}", req -> Response.text("order"))
            .post("/orders", req -> Response.text("created"))
            .build();

    private static HttpResponse<String> get(HttpServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void underAllframeDevTheServerListsTheApplicationsRoutes() throws Exception {
        try (HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0", "ALLFRAME_DEV", "1"))
                .host("127.0.0.1").router(router).build().start()) {
            HttpResponse<String> r = get(server, "/_allframe/routes");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"routes\":[{\"method\":\"GET\",\"path\":\"/orders/{id}\"},"
                    + "{\"method\":\"POST\",\"path\":\"/orders\"}]}");
            assertThat(get(server, "/orders/7").body()).isEqualTo("order");
        }
    }

    @Test
    void aDeployedServerDoesNotDescribeItself() throws Exception {
        try (HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0")).host("127.0.0.1").router(router)
                .build().start()) {
            assertThat(get(server, "/_allframe/routes").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void developmentRoutesAreServedAndListedUnderAllframeDev() throws Exception {
        try (HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0", "ALLFRAME_DEV", "1"))
                .host("127.0.0.1").router(router)
                .devRoutes(r -> r.post("/_allframe/events", req -> Response.text("delivered " + req.bodyAsString())))
                .build().start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/_allframe/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("delivered x");
            assertThat(get(server, "/_allframe/routes").body()).endsWith(
                    "{\"method\":\"POST\",\"path\":\"/_allframe/events\"}]}");
            assertThat(get(server, "/_allframe/nothing").statusCode()).isEqualTo(404);
            assertThat(get(server, "/orders/7").body()).isEqualTo("order");
        }
    }

    @Test
    void theApplicationsOwnRoutesUnderAllframeStayReachableBesideDevelopmentRoutes() throws Exception {
        Router withAdmin = Router.builder()
                .get("/_allframe/projections", req -> Response.text("statuses"))
                .get("/orders/{id}", req -> Response.text("order"))
                .build();
        try (HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0", "ALLFRAME_DEV", "1"))
                .host("127.0.0.1").router(withAdmin)
                .devRoutes(r -> r.post("/_allframe/events/sqs/{queue}", req -> Response.text("delivered")))
                .build().start()) {
            HttpResponse<String> admin = get(server, "/_allframe/projections");
            assertThat(admin.statusCode()).isEqualTo(200);
            assertThat(admin.body()).isEqualTo("statuses");
            assertThat(get(server, "/_allframe/events/sqs/q").statusCode()).as("a dev route's GET").isEqualTo(405);
        }
    }

    @Test
    void outsideDevelopmentModeDevelopmentRoutesAreAbsentAndNeverEvenBuilt() throws Exception {
        AtomicInteger built = new AtomicInteger();
        for (Map<String, String> env : List.of(Map.of("PORT", "0"), Map.of("PORT", "0", "K_SERVICE", "orders"),
                Map.of("PORT", "0", "ALLFRAME_DEV", "0"))) {
            try (HttpServer server = HttpServer.fromEnvironment(env).host("127.0.0.1").router(router)
                    .shutdownGrace(java.time.Duration.ZERO)
                    .devRoutes(r -> {
                        built.incrementAndGet();
                        r.post("/_allframe/events", req -> Response.text("delivered"));
                    })
                    .build().start()) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/_allframe/events"))
                        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("%s", env).isEqualTo(404);
            }
        }
        assertThat(built).hasValue(0);
    }

    @Test
    void aDevelopmentRouteOutsideTheAllframePrefixIsRefusedAtBuild() {
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("PORT", "0", "ALLFRAME_DEV", "1")).router(router)
                .devRoutes(r -> r.post("/orders", req -> Response.text("shadow"))).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("POST /orders").hasMessageContaining("/_allframe/");
    }
}
