package dev.allframe.bench.startup.programmatic;

import dev.allframe.bench.startup.FirstRequest;
import dev.allframe.bench.startup.domain.CreateOrder;
import dev.allframe.bench.startup.domain.OrderService;
import dev.allframe.bench.startup.domain.OrderStore;
import dev.allframe.http.HttpException;
import dev.allframe.http.Json;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

/** Starts the same application wired by hand and serves its first request. */
public final class Main {
    private Main() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        long start = System.nanoTime();
        String limit = System.getenv("ORDERS_LIMIT");
        OrderService service = new OrderService(new OrderStore(),
                limit == null || limit.isEmpty() ? 1000 : Integer.parseInt(limit));
        Router router = Router.builder()
                .post("/orders", Json.body(CreateOrder.class, (req, body) -> Response.json(201, service.create(body))))
                .get("/orders/{id}", req -> Response.json(service.find(req.pathParam("id"))
                        .orElseThrow(() -> HttpException.notFound("no order " + req.pathParam("id")))))
                .build();
        FirstRequest.serve("programmatic", router, start);
    }
}
