package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A server in a child JVM for the SIGTERM test: reports its port and each slow request it starts on stdout. */
public final class ShutdownMain {
    private ShutdownMain() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger started = new AtomicInteger();
        Router router = Router.builder()
                .get("/slow/{ms}", req -> {
                    System.out.println("STARTED " + started.incrementAndGet());
                    System.out.flush();
                    Thread.sleep(Long.parseLong(req.pathParam("ms")));
                    return Response.text("done " + req.pathParam("ms"));
                })
                .build();
        HttpServer server = HttpServer.fromEnvironment(Map.of("PORT", "0")).host("127.0.0.1").router(router)
                .shutdownGrace(Duration.ofSeconds(10))
                .onShutdown(() -> {
                    System.out.println("RESOURCE CLOSED");
                    System.out.flush();
                })
                .handleSignals(true)
                .build().start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        server.awaitTermination();
    }
}
