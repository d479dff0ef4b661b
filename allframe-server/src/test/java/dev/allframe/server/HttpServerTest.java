package dev.allframe.server;

import dev.allframe.health.HealthCheck;
import dev.allframe.health.HealthChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpServerTest {
    static final AtomicBoolean dbUp = new AtomicBoolean(true);
    static HttpServer server;
    static HttpClient http1;
    static HttpClient http2;

    @BeforeAll
    static void start() {
        server = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(0)
                .health(HealthChecks.builder()
                        .liveness("jvm", HealthCheck.Result::up)
                        .readiness("db", () -> dbUp.get() ? HealthCheck.Result.up() : HealthCheck.Result.down("db down"))
                        .build())
                .build().start();
        http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
        http1.close();
        http2.close();
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHttp11WithJsonAndContentLength() throws Exception {
        HttpResponse<String> r = get(http1, "/hello");

        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"message\":\"hello\"}");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("content-length")).hasValue("19");
    }

    @Test
    void upgradesToH2cAndAnswersOverHttp2() throws Exception {
        HttpResponse<String> r = get(http2, "/whoami");

        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("HTTP/2 ").endsWith(" true");
        HttpResponse<String> again = get(http2, "/items/a%20b?q=1&q=2");
        assertThat(again.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(again.body()).isEqualTo("item a b q=[1, 2]");
    }

    @Test
    void runsHandlersOnVirtualThreadsOverHttp11() throws Exception {
        assertThat(get(http1, "/whoami").body()).startsWith("HTTP/1.1 ").endsWith(" true");
    }

    @Test
    void passesPathParametersQueryAndHeaders() throws Exception {
        HttpResponse<String> r = http1.send(HttpRequest.newBuilder(uri("/header")).header("X-Test", "yes").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.body()).isEqualTo("yes");
        assertThat(get(http1, "/items/42?q=x%2By").body()).isEqualTo("item 42 q=[x+y]");
    }

    @Test
    void echoesARequestBodyOnBothProtocols() throws Exception {
        for (HttpClient client : new HttpClient[] {http1, http2}) {
            String body = "x".repeat(100_000);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/echo"))
                            .header("content-type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(body);
        }
    }

    @Test
    void answersHeadWithTheGetLengthAndNoBody() throws Exception {
        for (HttpClient client : new HttpClient[] {http1, http2}) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/hello"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("content-length")).hasValue("19");
        }
    }

    @Test
    void answers204WithoutBodyOrLength() throws Exception {
        HttpResponse<String> r = http1.send(HttpRequest.newBuilder(uri("/items/1")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("content-length")).isEmpty();
        assertThat(get(http1, "/hello").statusCode()).isEqualTo(200); // and the connection still works
    }

    @Test
    void answersUnknownRoutesWithAProblem() throws Exception {
        HttpResponse<String> r = get(http2, "/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":404").contains("No route for GET /nope");
    }

    @Test
    void servesHealthReadinessAndLivenessFromTheRegisteredChecks() throws Exception {
        assertThat(get(http1, "/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(http1, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo(
                "{\"status\":\"UP\",\"checks\":{\"db\":{\"status\":\"UP\"},\"server\":{\"status\":\"UP\"}}}");
        dbUp.set(false);
        try {
            HttpResponse<String> down = get(http2, "/ready");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"db\":{\"status\":\"DOWN\",\"detail\":\"db down\"}");
            assertThat(get(http1, "/health").statusCode()).isEqualTo(503);
            assertThat(get(http1, "/live").statusCode()).isEqualTo(200);
        } finally {
            dbUp.set(true);
        }
    }

    @Test
    void takesThePortFromTheEnvironment() {
        assertThat(HttpServer.fromEnvironment(Map.of()).port).isEqualTo(8080);
        assertThat(HttpServer.fromEnvironment(Map.of("PORT", "9123")).port).isEqualTo(9123);
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORT").hasMessageContaining("'http'");
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("PORT", "70000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..65535");
    }

    @Test
    void refusesToBuildWithoutARouterAndToBindABusyPort() {
        assertThatThrownBy(() -> HttpServer.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("router");
        HttpServer second = HttpServer.builder().router(TestApp.router()).host("127.0.0.1").port(server.port()).build();
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
}
