package dev.allframe.bench.http;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.server.HttpServer;

import java.util.Map;

/** AllFrame's side of the HTTP benchmark: {@code GET /hello} answered through the router with a JSON body. */
public final class AllFrameHelloServer {
    private AllFrameHelloServer() {
    }

    /**
     * @param args the port (default 18082)
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18082;
        Router router = Router.builder()
                .get("/hello", req -> Response.json(Map.of("message", "hello")))
                .build();
        HttpServer.builder().router(router).host("127.0.0.1").port(port).handleSignals(true).build().start()
                .awaitTermination();
    }
}
