package dev.allframe.examples.orders.api;

import dev.allframe.infra.annotations.Uses;
import dev.allframe.infra.annotations.Uses.Access;
import dev.allframe.inject.Env;
import dev.allframe.inject.Factory;
import dev.allframe.inject.Provides;
import dev.allframe.jdbc.JdbcStores;

/**
 * Opens the event store named by {@code ALLFRAME_STORE} (default {@value OrdersModule#DEFAULT_STORE}). The container
 * closes it on shutdown. Whoever injects it appends events and reads streams, so every deployable reaching it may
 * do exactly that on the {@code events} table.
 */
@Factory
public final class OrdersStores {
    /** Created by the container. */
    public OrdersStores() {
    }

    /**
     * @param url a store URL: {@code sqlite:PATH}, {@code jdbc:postgresql://...} or {@code memory:}
     * @return the open stores
     */
    @Provides
    @Uses(resource = "events", access = {Access.APPEND, Access.READ})
    public JdbcStores stores(@Env(value = "ALLFRAME_STORE", defaultValue = OrdersModule.DEFAULT_STORE) String url) {
        return JdbcStores.open(url);
    }
}
