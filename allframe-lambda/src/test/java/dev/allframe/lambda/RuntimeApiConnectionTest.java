package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The custom runtime's HTTP/1.1 client against a scripted loopback server. */
class RuntimeApiConnectionTest {
    /** Serves one scripted raw response per accepted connection and records the request lines. */
    static final class Scripted implements AutoCloseable {
        final ServerSocket server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;

        Scripted(String... responsesPerConnection) throws IOException {
            server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(() -> {
                for (String response : responsesPerConnection) {
                    try (Socket s = server.accept()) {
                        BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(),
                                StandardCharsets.ISO_8859_1));
                        requests.add(r.readLine());
                        int length = 0;
                        for (String line = r.readLine(); line != null && !line.isEmpty(); line = r.readLine()) {
                            if (line.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(line.substring(15).trim());
                            }
                        }
                        r.skip(length);
                        OutputStream out = s.getOutputStream();
                        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void readsAChunkedBodyAndLowerCasesHeaderNames() throws Exception {
        try (Scripted s = new Scripted("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r-1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n");
             RuntimeApiConnection c = new RuntimeApiConnection(s.address())) {
            RuntimeApiConnection.Reply r = c.get("/2018-06-01/runtime/invocation/next");
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
            assertThat(r.header("Lambda-Runtime-Aws-Request-Id")).isEqualTo("r-1");
            assertThat(s.requests).containsExactly("GET /2018-06-01/runtime/invocation/next HTTP/1.1");
        }
    }

    @Test
    void resendsOnANewConnectionWhenTheKeptAliveOneWasClosed() throws Exception {
        // First connection answers once and then is closed by the server (the scripted loop moves on).
        try (Scripted s = new Scripted("HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok",
                "HTTP/1.1 202 Accepted\r\nContent-Length: 4\r\n\r\nok-2");
             RuntimeApiConnection c = new RuntimeApiConnection(s.address())) {
            assertThat(c.post("/a", "{}".getBytes(), null).status()).isEqualTo(202);
            Thread.sleep(100);
            RuntimeApiConnection.Reply second = c.post("/b", "{}".getBytes(), "Runtime.UserException");
            assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("ok-2");
            assertThat(s.requests).containsExactly("POST /a HTTP/1.1", "POST /b HTTP/1.1");
        }
    }

    @Test
    void readsToTheEndWhenTheServerClosesTheConnection() throws Exception {
        try (Scripted s = new Scripted("HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\n\r\nbroken");
             RuntimeApiConnection c = new RuntimeApiConnection(s.address())) {
            RuntimeApiConnection.Reply r = c.get("/x");
            assertThat(r.status()).isEqualTo(500);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("broken");
        }
    }

    @Test
    void failsClearlyOnGarbageAndOnABadAddress() throws Exception {
        try (Scripted s = new Scripted("SSH-2.0-OpenSSH\r\n\r\n");
             RuntimeApiConnection c = new RuntimeApiConnection(s.address())) {
            assertThatThrownBy(() -> c.get("/x")).isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP response");
        }
        assertThatThrownBy(() -> new RuntimeApiConnection("localhost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected host:port");
    }
}
