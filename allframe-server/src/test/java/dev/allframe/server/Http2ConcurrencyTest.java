package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class Http2ConcurrencyTest {
    static final int REQUESTS = 250;

    @Test
    void runsManyBlockingHandlersAtOnceOnOneHttp2Connection() throws Exception {
        // Every handler blocks until all of them have started: this only completes if all run at the same time,
        // which a small platform thread pool could not do.
        CountDownLatch allStarted = new CountDownLatch(REQUESTS);
        Router router = Router.builder().get("/block/{n}", req -> {
            allStarted.countDown();
            boolean together = allStarted.await(20, TimeUnit.SECONDS);
            return Response.text(together + " " + Thread.currentThread().isVirtual() + " "
                    + req.attribute(HttpServer.REMOTE_ADDRESS).orElseThrow().getPort());
        }).build();
        try (HttpServer server = HttpServer.builder().router(router).host("127.0.0.1").port(0).build().start();
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            String base = "http://127.0.0.1:" + server.port();
            // The first request upgrades the connection; the rest multiplex on it.
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);

            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/block/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            Set<String> clientPorts = new HashSet<>();
            for (CompletableFuture<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
                String[] parts = r.body().split(" ");
                assertThat(parts[0]).as("all handlers ran together").isEqualTo("true");
                assertThat(parts[1]).as("on a virtual thread").isEqualTo("true");
                clientPorts.add(parts[2]);
            }
            assertThat(clientPorts).as("one connection").hasSize(1);
        }
    }
}
