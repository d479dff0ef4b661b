package dev.allframe.examples.orders;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRoutesTest {
    final Router router = OrderRoutes.register(Router.builder()).build();

    @Test
    void createsAnOrderAndReadsItBack() {
        Response created = router.handle(Request.builder(HttpMethod.POST, "/orders")
                .header("content-type", "application/json").body("{\"customerId\":\"c-1\"}").build());
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstOrNull("location");
        assertThat(location).startsWith("/orders/");

        Response read = router.handle(Request.get(location));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyAsString()).contains("\"customerId\":\"c-1\"").contains("\"status\":\"OPEN\"");
    }

    @Test
    void rejectsAnOrderWithoutCustomer() {
        Response r = router.handle(Request.builder(HttpMethod.POST, "/orders")
                .header("content-type", "application/json").body("{}").build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyAsString()).contains("customerId is required");
    }

    @Test
    void answers404ForAnUnknownOrder() {
        assertThat(router.handle(Request.get("/orders/nope")).status()).isEqualTo(404);
    }
}
