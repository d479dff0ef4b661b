package dev.allframe.bench.startup.domain;

import dev.allframe.http.HttpException;
import dev.allframe.inject.Env;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Creates and finds orders, up to a configured limit. */
@Singleton
public final class OrderService {
    private final OrderStore store;
    private final int limit;

    /**
     * @param store where orders live
     * @param limit the most orders kept, from {@code ORDERS_LIMIT}
     */
    public OrderService(OrderStore store, @Env(value = "ORDERS_LIMIT", defaultValue = "1000") int limit) {
        this.store = store;
        this.limit = limit;
    }

    /**
     * @param command the order to create
     * @return the created order
     */
    public OrderView create(CreateOrder command) {
        if (store.size() >= limit) {
            throw HttpException.conflict("order limit " + limit + " reached");
        }
        OrderView view = new OrderView("o-" + (store.size() + 1), command.customer(), command.items().size());
        store.put(view);
        return view;
    }

    /**
     * @param id an id
     * @return the order, if any
     */
    public Optional<OrderView> find(String id) {
        return store.get(id);
    }
}
