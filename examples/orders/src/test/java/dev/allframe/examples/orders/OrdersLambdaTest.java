package dev.allframe.examples.orders;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler in-process: store selection and the SnapStart priming requests. */
class OrdersLambdaTest {
    @Test
    void usesTheInMemoryStoreWhenAllframeStoreIsUnsetOrBlank() {
        assertThat(OrdersLambda.storeUrl(Map.of())).isEqualTo("memory:");
        assertThat(OrdersLambda.storeUrl(Map.of("ALLFRAME_STORE", "  "))).isEqualTo("memory:");
    }

    @Test
    void passesAPostgresUrlThrough() {
        String url = "jdbc:postgresql://db.internal:5432/orders?user=app";
        assertThat(OrdersLambda.storeUrl(Map.of("ALLFRAME_STORE", url))).isEqualTo(url);
    }

    @Test
    void refusesSqliteWithAMessageNamingWhatToUseInstead() {
        for (String url : new String[] {"sqlite:/tmp/orders.db", "jdbc:sqlite:/tmp/orders.db"}) {
            assertThatThrownBy(() -> OrdersLambda.storeUrl(Map.of("ALLFRAME_STORE", url)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(url).hasMessageContaining("jdbc:postgresql://")
                    .hasMessageContaining("memory:");
        }
    }

    @Test
    void primingAnswersBothRequestsBelow500AndLeavesThePrimingIdUnknown() {
        OrdersLambda lambda = new OrdersLambda(); // ALLFRAME_STORE is not set in the test JVM: memory:
        assertThat(lambda.prime()).isEqualTo(2);
        byte[] answer = lambda.handle(("""
                {"version":"2.0","routeKey":"$default","rawPath":"/orders/snapstart-priming","rawQueryString":"",
                 "headers":{"host":"api.example.com"},
                 "requestContext":{"http":{"method":"GET","path":"/orders/snapstart-priming","protocol":"HTTP/1.1",
                  "sourceIp":"192.0.2.1"},"requestId":"t-1","stage":"$default","timeEpoch":1767225600000},
                 "isBase64Encoded":false}
                """).getBytes(StandardCharsets.UTF_8), null);
        assertThat(new String(answer, StandardCharsets.UTF_8)).startsWith("{\"statusCode\":404");
    }
}
