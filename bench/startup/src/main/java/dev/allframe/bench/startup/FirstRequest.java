package dev.allframe.bench.startup;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.server.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Serves an application's first request and reports the time since the start of {@code main}. With
 * {@code -Dstartup.door=server} the request goes over a loopback socket through the Netty server (started on an
 * ephemeral port); with {@code router} (the default) it is handed to {@link Router#handle(Request)} directly, the
 * call every door makes.
 */
public final class FirstRequest {
    private static final String BODY = "{\"customer\":\"ada\",\"items\":[\"tea\",\"cake\"]}";

    private FirstRequest() {
    }

    /**
     * @param variant the wiring's name
     * @param router the application
     * @param startNanos {@link System#nanoTime()} at the start of {@code main}
     * @throws IllegalStateException if the application does not answer 201
     */
    public static void serve(String variant, Router router, long startNanos) {
        String door = System.getProperty("startup.door", "router");
        String answer;
        long micros;
        if (door.equals("server")) {
            try (HttpServer server = HttpServer.builder().router(router).host("127.0.0.1").port(0).build().start()) {
                answer = overSocket(server.port());
                micros = (System.nanoTime() - startNanos) / 1000;
            }
        } else {
            Response r = router.handle(Request.builder(HttpMethod.POST, "/orders")
                    .header("content-type", "application/json").body(BODY).build());
            micros = (System.nanoTime() - startNanos) / 1000;
            answer = r.status() + " " + r.bodyAsString();
        }
        if (!answer.startsWith("201") || !answer.contains("\"customer\":\"ada\"")) {
            throw new IllegalStateException(variant + " answered " + answer);
        }
        System.out.println(variant + " main-to-first-response-us " + micros);
    }

    /** A minimal HTTP/1.1 exchange, so the client costs next to nothing next to the server. */
    private static String overSocket(int port) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String head = "POST /orders HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                + "content-length: " + body.length + "\r\nconnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // "HTTP/1.1 201 Created ..." -> "201 <body>"
            return response.substring(9, 12) + " " + response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
