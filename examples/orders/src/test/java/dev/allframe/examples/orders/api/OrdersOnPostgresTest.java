package dev.allframe.examples.orders.api;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same application, unchanged, on PostgreSQL: only the store URL differs. */
class OrdersOnPostgresTest {
    static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static Response post(Router router, String path, String json) {
        return router.handle(Request.builder(HttpMethod.POST, path).header("content-type", "application/json")
                .body(json).build());
    }

    @Test
    void runsAndKeepsOrdersAcrossARestartOnPostgres() {
        String url = server.createDatabase();
        try (OrdersModule orders = OrdersModule.open(url)) {
            Router router = orders.register(Router.builder()).build();
            assertThat(post(router, "/orders", "{\"customerId\":\"pg\",\"orderId\":\"p-1\"}").status()).isEqualTo(201);
            assertThat(post(router, "/orders/p-1/items", "{\"sku\":\"a\",\"quantity\":4,\"unitPriceCents\":25}")
                    .status()).isEqualTo(200);
            assertThat(post(router, "/orders/p-1/submit", "{}").status()).isEqualTo(200);
            assertThat(post(router, "/orders/p-1/items", "{\"sku\":\"b\",\"quantity\":1,\"unitPriceCents\":1}")
                    .status()).isEqualTo(409);
        }
        try (OrdersModule orders = OrdersModule.open(url)) {
            Router router = orders.register(Router.builder()).build();
            Response read = router.handle(Request.get("/orders/p-1"));
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.bodyAsString()).contains("\"status\":\"SUBMITTED\"", "\"totalCents\":100");
            assertThat(orders.storeUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        }
    }
}
