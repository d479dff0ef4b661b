package dev.allframe.examples.orders;

import dev.allframe.testkit.FreePort;
import dev.allframe.testkit.Tools;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged {@code target/orders.jar} as a user would and talks HTTP/2 to it with curl. */
class OrdersAppIT {
    @Test
    void thePackagedAppAnswersHttp2FromCurlAndExitsZeroOnSigterm() throws Exception {
        Path curl = Tools.require("curl", "send an HTTP/2 request to the example");
        Path jar = Path.of("target", "orders.jar");
        assertThat(jar).exists();
        int port = FreePort.pick();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target", "orders-it.log").toFile());
        pb.environment().put("PORT", Integer.toString(port));
        Path store = Files.createTempDirectory(Path.of("target"), "orders-it-").resolve("orders.db");
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + store.toAbsolutePath());
        Process app = pb.start();
        try {
            waitForPort(port, app);
            Process post = new ProcessBuilder(curl.toString(), "-sS", "--max-time", "10", "--http2-prior-knowledge",
                    "-H", "content-type: application/json", "--data", "{\"customerId\":\"c-7\"}",
                    "-o", "-", "-w", "\n%{http_version} %{http_code}", "http://127.0.0.1:" + port + "/orders").start();
            assertThat(post.waitFor(15, TimeUnit.SECONDS)).isTrue();
            String out = new String(post.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("\"customerId\":\"c-7\"").endsWith("\n2 201");
            String id = out.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

            Process get = new ProcessBuilder(curl.toString(), "-sS", "--max-time", "10", "--http2-prior-knowledge",
                    "-o", "-", "-w", "\n%{http_version} %{http_code}",
                    "http://127.0.0.1:" + port + "/orders/" + id).start();
            assertThat(get.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(get.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"id\":\"" + id + "\"").endsWith("\n2 200");

            app.toHandle().destroy(); // SIGTERM
            assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).as(Files.readString(Path.of("target", "orders-it.log"))).isZero();
        } finally {
            app.destroyForcibly();
        }
    }

    private static void waitForPort(int port, Process app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the app exited: " + Files.readString(Path.of("target", "orders-it.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the app did not listen on " + port);
    }
}
