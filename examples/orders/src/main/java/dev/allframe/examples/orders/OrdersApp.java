package dev.allframe.examples.orders;

import dev.allframe.examples.orders.api.OrdersModule;
import dev.allframe.health.HealthChecks;
import dev.allframe.http.Router;
import dev.allframe.server.HttpServer;

/**
 * Runs the Orders service on a laptop or Cloud Run: HTTP/1.1 and HTTP/2 on {@code PORT} (default 8080), events in
 * the store named by {@code ALLFRAME_STORE} (default {@value OrdersModule#DEFAULT_STORE}, so orders survive a
 * restart); SIGTERM drains in-flight requests, closes the store and exits 0.
 */
public final class OrdersApp {
    private OrdersApp() {
    }

    /**
     * @param args ignored; configuration comes from the environment
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        OrdersModule orders = OrdersModule.fromEnvironment();
        Router router = orders.register(Router.builder()).build();
        HttpServer server = HttpServer.fromEnvironment(System.getenv())
                .router(router)
                .health(HealthChecks.builder().readiness("orders", orders.readiness()).build())
                .onShutdown(orders)
                .handleSignals(true)
                .build()
                .start();
        server.awaitTermination();
    }
}
