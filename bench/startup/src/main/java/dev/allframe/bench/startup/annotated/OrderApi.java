package dev.allframe.bench.startup.annotated;

import dev.allframe.bench.startup.domain.CreateOrder;
import dev.allframe.bench.startup.domain.OrderService;
import dev.allframe.bench.startup.domain.OrderView;
import dev.allframe.http.annotation.Get;
import dev.allframe.http.annotation.Post;
import dev.allframe.http.annotation.ResponseStatus;

import java.util.Optional;

/** The orders API as an annotated controller. */
public final class OrderApi {
    private final OrderService service;

    /** @param service the orders */
    public OrderApi(OrderService service) {
        this.service = service;
    }

    @Post("/orders")
    @ResponseStatus(201)
    OrderView create(CreateOrder body) {
        return service.create(body);
    }

    @Get("/orders/{id}")
    Optional<OrderView> get(String id) {
        return service.find(id);
    }
}
