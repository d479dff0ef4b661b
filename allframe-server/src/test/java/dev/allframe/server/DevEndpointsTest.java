package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
