package dev.allframe.examples.orders.api;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the processor-generated routes of {@link OrdersController} on a real SQLite file: the {@code location} of
 * a created order is percent-encoded and, followed, finds the order; a hostile body is a 400 naming the limit.
 */
class OrderLocationTest {
    @TempDir
    Path dir;

    private OrdersModule module;
    private Router router;

    @BeforeEach
    void start() {
        module = OrdersModule.openSynchronous("sqlite:" + dir.resolve("orders.db"));
        router = module.register(Router.builder()).build();
    }

    @AfterEach
    void stop() {
        module.close();
    }

    private Response create(String json) {
        return router.handle(Request.builder(HttpMethod.POST, "/orders").header("content-type", "application/json")
                .body(json).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/y", "a space", "ü", "100%", "a?b#c", "o-1"})
    void theLocationOfACreatedOrderIsEncodedAndFollowedFindsIt(String id) {
        Response created = create("{\"customerId\":\"ann\",\"orderId\":" + dev.allframe.json.JsonStrings.quote(id)
                + "}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstOrNull("location");
        assertThat(location).startsWith("/orders/").matches("[\\x21-\\x7e]+"); // no raw space, no raw 0xFC
        assertThat(location.substring("/orders/".length())).doesNotContain("/");
        Response followed = router.handle(Request.get(location));
        assertThat(followed.status()).as(location).isEqualTo(200);
        assertThat(JsonCodecs.defaultCodec().<Map<String, Object>>read(followed.body(), Map.class))
                .containsEntry("id", id);
    }

    @Test
    void theEncodingIsRfc3986() {
        assertThat(create("{\"customerId\":\"ann\",\"orderId\":\"x/y ü%\"}").headers().firstOrNull("location"))
                .isEqualTo("/orders/x%2Fy%20%C3%BC%25");
    }

    @Test
    void aBodyWithA100000DeepUnknownFieldIsA400NamingTheLimit() {
        Response r = create("{\"customerId\":\"ann\",\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyAsString()).contains("maxDepth");
    }
}
