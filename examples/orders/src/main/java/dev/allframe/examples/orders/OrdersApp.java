package dev.allframe.examples.orders;

import dev.allframe.examples.orders.api.OrdersModule;
import dev.allframe.health.HealthChecks;
import dev.allframe.http.Router;
import dev.allframe.infra.annotations.EventBus;
import dev.allframe.infra.annotations.EventStore;
import dev.allframe.infra.annotations.Queue;
import dev.allframe.inject.AllFrameApplication;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.local.LocalEventsRoutes;
import dev.allframe.projection.ProjectionAdminRoutes;
import dev.allframe.server.HttpServer;

/**
 * Runs the Orders service on a laptop or Cloud Run: HTTP/1.1 and HTTP/2 on {@code PORT} (default 8080), events in
 * the store named by {@code ALLFRAME_STORE} (default {@value OrdersModule#DEFAULT_STORE}, so orders survive a
 * restart); SIGTERM drains in-flight requests, closes the store and exits 0.
 *
 * <p>The application's wiring is generated at compile time ({@link OrdersAppContainer}), and so is its
 * infrastructure model ({@code META-INF/allframe/infra.json}): the event table (with its change stream, which a
 * projection function can follow), the queue for asynchronous order commands, with a dead-letter queue after five
 * failed receives, and the shop's event bus (where checkouts are published) are declared here; the
 * {@code orders-http} function on {@link OrdersModule}, the queue's and the bus's consumer {@code orders-events} on
 * {@link dev.allframe.examples.orders.api.OrdersEvents}.
 *
 * <p>Under {@code allframe dev} ({@code ALLFRAME_DEV=1}) the server also serves the local event endpoints
 * ({@code POST /_allframe/events...}): SQS, SNS, EventBridge, S3 and DynamoDB Streams events go through the same
 * {@link OrdersEventsLambda} doors as on Lambda. A deployed server has none of them.
 *
 * <p>With {@code ALLFRAME_ADMIN_TOKEN} set (16 characters or more) it also serves the operator's projection API
 * ({@code /_allframe/projections}, for {@code allframe projections ...}) to callers presenting that token; without
 * it there is no such API.
 */
@AllFrameApplication
@EventStore(name = "events", table = "events", stream = true)
@Queue(name = "order-commands", visibilityTimeout = 60, dlq = true, dlqMaxReceives = 5)
@EventBus(name = "shop")
public final class OrdersApp {
    private OrdersApp() {
    }

    /**
     * @param args ignored; configuration comes from the environment
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        OrdersAppContainer app = OrdersAppContainer.create();
        OrdersModule orders = app.ordersModule();
        Router.Builder builder = orders.register(Router.builder());
        String adminToken = System.getenv("ALLFRAME_ADMIN_TOKEN"); // the operator's API exists only with a token
        if (adminToken != null && !adminToken.isBlank()) {
            ProjectionAdminRoutes.register(builder, orders.projectionControl(), adminToken);
        }
        Router router = builder.build();
        HttpServer server = HttpServer.fromEnvironment(System.getenv())
                .router(router)
                .health(HealthChecks.builder().readiness("orders", orders.readiness()).build())
                // Development mode only; outside it this is never called, so no Lambda class is even loaded.
                .devRoutes(routes -> LocalEventsRoutes.register(routes,
                        AllFrameHandler.of(() -> router, app.ordersEvents()::eventSources), app.ordersEvents().store()))
                .onShutdown(app)
                .handleSignals(true)
                .build()
                .start();
        server.awaitTermination();
    }
}
