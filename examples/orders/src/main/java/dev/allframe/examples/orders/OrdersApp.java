package dev.allframe.examples.orders;

import dev.allframe.http.Router;
import dev.allframe.server.HttpServer;

/**
 * Runs the Orders service on a laptop or Cloud Run: HTTP/1.1 and HTTP/2 on {@code PORT} (default 8080); SIGTERM
 * drains in-flight requests and exits 0.
 */
public final class OrdersApp {
    private OrdersApp() {
    }

    /**
     * @param args ignored; configuration comes from the environment
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        Router router = OrderRoutes.register(Router.builder()).build();
        HttpServer server = HttpServer.fromEnvironment(System.getenv())
                .router(router)
                .handleSignals(true)
                .build()
                .start();
        server.awaitTermination();
    }
}
