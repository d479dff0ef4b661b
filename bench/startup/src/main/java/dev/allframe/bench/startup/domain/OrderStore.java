package dev.allframe.bench.startup.domain;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory orders. */
@Singleton
public final class OrderStore {
    private final Map<String, OrderView> orders = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public OrderStore() {
    }

    /** @param order the order to keep */
    public void put(OrderView order) {
        orders.put(order.id(), order);
    }

    /**
     * @param id an id
     * @return the order, if kept
     */
    public Optional<OrderView> get(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** @return how many orders are kept */
    public int size() {
        return orders.size();
    }
}
