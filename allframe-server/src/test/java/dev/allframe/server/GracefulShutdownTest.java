package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownTest {
    @Test
    void closeLetsInFlightRequestsFinishRefusesNewConnectionsAndClosesResources() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(3);
        AtomicBoolean resourceClosed = new AtomicBoolean();
        Router router = Router.builder().get("/slow", req -> {
            inHandler.countDown();
            Thread.sleep(700);
            return Response.text("finished");
        }).build();
        HttpServer server = HttpServer.builder().router(router).host("127.0.0.1").port(0)
                .shutdownGrace(Duration.ofSeconds(5)).onShutdown(() -> resourceClosed.set(true)).build().start();
        int port = server.port();
        try (HttpClient h1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            URI slow = URI.create("http://127.0.0.1:" + port + "/slow");
            assertThat(h2.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(
                    h1.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()),
                    h1.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()),
                    h2.sendAsync(HttpRequest.newBuilder(slow).build(), HttpResponse.BodyHandlers.ofString()));
            assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
            RawClient idleKeepAlive = new RawClient(port);
            assertThat(idleKeepAlive.send("GET /ready HTTP/1.1\r\nhost: x\r\n\r\n").readResponse())
                    .startsWith("HTTP/1.1 200");

            Thread closer = Thread.ofPlatform().start(server::close);
            assertThat(idleKeepAlive.closedByServer()).as("idle keep-alive connection closed by the drain").isTrue();
            idleKeepAlive.close();
            assertThat(waitUntilRefused(port)).as("new connections refused while draining").isTrue();
            assertThat(server.draining()).isTrue();

            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("finished");
            }
            closer.join(10_000);
            assertThat(closer.isAlive()).isFalse();
            assertThat(resourceClosed).isTrue();
        }
    }

    @Test
    void sigtermDrainsInFlightRequestsAndExitsZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ShutdownMain.class.getName()).redirectError(ProcessBuilder.Redirect.appendTo(new java.io.File("target/shutdown-child.log"))).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child is gone
            }
        });
        try {
            String portLine = lines.poll(20, TimeUnit.SECONDS);
            assertThat(portLine).as("child started").startsWith("PORT ");
            int port = Integer.parseInt(portLine.substring(5));

            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            List<HttpClient> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpClient c = HttpClient.newBuilder()
                        .version(i == 0 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1).build();
                clients.add(c);
                inFlight.add(c.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow/1500"))
                        .build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<String> started = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                started.add(lines.poll(10, TimeUnit.SECONDS)); // handlers run concurrently: any order
            }
            assertThat(started).containsExactlyInAnyOrder("STARTED 1", "STARTED 2", "STARTED 3", "STARTED 4");

            child.toHandle().destroy(); // SIGTERM (Process.destroy() would also close our end of its stdout)
            assertThat(waitUntilRefused(port)).as("new connections refused after SIGTERM").isTrue();
            assertThat(child.isAlive()).as("still draining").isTrue();

            for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                HttpResponse<String> r = f.get(15, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("done 1500");
            }
            assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
            List<String> rest = new ArrayList<>();
            for (String line; (line = lines.poll(2, TimeUnit.SECONDS)) != null; ) {
                rest.add(line);
            }
            assertThat(rest).containsExactly("RESOURCE CLOSED");
            clients.forEach(HttpClient::close);
        } finally {
            child.destroyForcibly();
        }
    }

    private static boolean waitUntilRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // try again
            }
            Thread.sleep(20);
        }
        return false;
    }
}
