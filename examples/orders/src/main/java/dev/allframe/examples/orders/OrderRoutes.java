package dev.allframe.examples.orders;

import dev.allframe.http.HttpException;
import dev.allframe.http.Json;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The Orders HTTP API: {@code POST /orders} and {@code GET /orders/{id}}, over an in-memory map for now. */
public final class OrderRoutes {
    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    private OrderRoutes() {
    }

    /**
     * Registers the routes on a router builder, each instance of the routes with its own store.
     *
     * @param router the builder
     * @return the builder
     */
    public static Router.Builder register(Router.Builder router) {
        OrderRoutes routes = new OrderRoutes();
        return router
                .post("/orders", Json.body(CreateOrder.class, (req, cmd) -> routes.create(cmd)))
                .get("/orders/{id}", req -> routes.get(req.pathParam("id")));
    }

    private Response create(CreateOrder command) {
        if (command.customerId() == null || command.customerId().isBlank()) {
            throw HttpException.badRequest("customerId is required");
        }
        Order order = new Order(UUID.randomUUID().toString(), command.customerId(), "OPEN");
        orders.put(order.id(), order);
        return Response.json(Status.CREATED, order).withHeader("location", "/orders/" + order.id());
    }

    private Response get(String id) {
        Order order = orders.get(id);
        if (order == null) {
            throw HttpException.notFound("No order " + id);
        }
        return Response.json(order);
    }
}
