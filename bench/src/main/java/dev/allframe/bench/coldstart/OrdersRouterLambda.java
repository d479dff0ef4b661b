package dev.allframe.bench.coldstart;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;
import io.avaje.jsonb.Json;

import java.util.List;
import java.util.UUID;

/**
 * Candidate (b), for now: an AllFrame handler serving {@code POST /orders} through the router and the Lambda door
 * (event JSON in, API Gateway response out), without the command bus. The harness takes the handler class as a
 * parameter, so the reference application's handler can replace this one.
 */
public final class OrdersRouterLambda extends AllFrameHandler {
    /** @param customerId the customer @param items the lines */
    @Json
    public record CreateOrder(String customerId, List<Item> items) {
    }

    /** @param sku the product @param quantity how many */
    @Json
    public record Item(String sku, int quantity) {
    }

    /** @param id the new order's id @param customerId its customer @param lines how many lines */
    @Json
    public record OrderCreated(String id, String customerId, int lines) {
    }

    /** Called by the runtime. */
    public OrdersRouterLambda() {
        super(OrdersRouterLambda::router);
    }

    static Router router() {
        return Router.builder()
                .post("/orders", dev.allframe.http.Json.body(CreateOrder.class, (req, cmd) -> Response.json(201,
                        new OrderCreated(UUID.randomUUID().toString(), cmd.customerId(), cmd.items().size()))))
                .build();
    }

    @Override
    protected List<Request> primingRequests() {
        return List.of(Request.builder(HttpMethod.POST, "/orders").header("content-type", "application/json")
                .body("{\"customerId\":\"priming\",\"items\":[{\"sku\":\"A-1\",\"quantity\":1}]}").build());
    }
}
