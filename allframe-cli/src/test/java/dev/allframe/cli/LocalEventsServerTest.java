package dev.allframe.cli;

import dev.allframe.cli.testfn.OrdersFunction;
import dev.allframe.http.Router;
import dev.allframe.lambda.local.LocalEventsRoutes;
import dev.allframe.server.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A real local server (Netty, loopback) with the events route, posted to by a real HTTP client. */
class LocalEventsServerTest {
    @Test
    void anSqsEventPostedToTheLocalServerRunsThroughTheFunctionsHandler() throws Exception {
        OrdersFunction function = new OrdersFunction();
        Router router = LocalEventsRoutes.register(Router.builder(), function).build();
        byte[] event;
        try (InputStream in = getClass().getResourceAsStream("/invoke/sqs.json")) {
            event = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("cli-1", "server-1").replace("11d6ee51", "5e1f0000").getBytes(
                            java.nio.charset.StandardCharsets.UTF_8);
        }
        HttpServer server = HttpServer.builder().host("127.0.0.1").port(0).router(router).build().start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + LocalEventsRoutes.PATH);
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo(
                    "{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
            assertThat(OrdersFunction.STORE.version("order-server-1")).isEqualTo(1);
            HttpResponse<String> bad = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Records\":")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("MalformedEventException");
        } finally {
            server.close();
        }
    }
}
