package dev.allframe.examples.orders.api;

import dev.allframe.jdbc.JdbcStores;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place the example picks its backend. */
class OrdersStoresTest {
    @Test
    void anExplicitStoreUrlWinsThenEventTableThenTheSqliteDefault() {
        assertThat(OrdersStores.select(Optional.of("memory:"), Optional.of("events"))).isEqualTo("memory:");
        assertThat(OrdersStores.select(Optional.of("dynamodb:orders"), Optional.empty())).isEqualTo("dynamodb:orders");
        assertThat(OrdersStores.select(Optional.empty(), Optional.of(" events "))).isEqualTo("dynamodb:events");
        assertThat(OrdersStores.select(Optional.of("  "), Optional.of("events"))).isEqualTo("dynamodb:events");
        assertThat(OrdersStores.select(Optional.empty(), Optional.of(""))).isEqualTo(OrdersModule.DEFAULT_STORE);
        assertThat(OrdersStores.select(Optional.empty(), Optional.empty())).isEqualTo(OrdersModule.DEFAULT_STORE);
    }

    @Test
    void aJdbcOrMemoryUrlGivesJdbcStoresBehindTheStoresInterface() {
        try (Stores stores = new OrdersStores().stores(Optional.of("memory:"), Optional.of("ignored-table"),
                Optional.empty(), Optional.empty())) {
            assertThat(stores).isInstanceOf(JdbcStores.class);
            assertThat(stores.url()).isEqualTo("memory:");
        }
    }
}
