package dev.allframe.bench.coldstart;

import dev.allframe.examples.orders.api.OrdersModule;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;

import java.util.List;

/**
 * Candidate (b'): the reference application ({@code examples/orders}) behind the Lambda door: {@code POST /orders}
 * through the router, the command bus, the decider and the in-memory event store, with the order-summary
 * projection the write waits for. What a user of the example deploys, minus their choice of store.
 */
public final class OrdersExampleLambda extends AllFrameHandler {
    /** Called by the runtime. */
    public OrdersExampleLambda() {
        super(() -> OrdersModule.open("memory:").register(Router.builder()).build());
    }

    @Override
    protected List<Request> primingRequests() {
        return List.of(Request.builder(HttpMethod.POST, "/orders").header("content-type", "application/json")
                .body("{\"customerId\":\"priming\"}").build());
    }
}
