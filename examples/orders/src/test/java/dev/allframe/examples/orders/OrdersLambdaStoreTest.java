package dev.allframe.examples.orders;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which store the Lambda function opens from its environment. */
class OrdersLambdaStoreTest {
    @Test
    void eventTableSelectsDynamoDbUnlessAStoreUrlIsSet() {
        assertThat(OrdersLambda.storeUrl(Map.of("EVENT_TABLE", "orders-events"))).isEqualTo("dynamodb:orders-events");
        assertThat(OrdersLambda.storeUrl(Map.of("EVENT_TABLE", "orders-events", "ALLFRAME_STORE", "memory:")))
                .isEqualTo("memory:");
        assertThat(OrdersLambda.storeUrl(Map.of("ALLFRAME_STORE", "dynamodb:t1"))).isEqualTo("dynamodb:t1");
        assertThat(OrdersLambda.storeUrl(Map.of("EVENT_TABLE", " "))).isEqualTo(OrdersLambda.DEFAULT_STORE);
        assertThat(OrdersLambda.storeUrl(Map.of())).isEqualTo(OrdersLambda.DEFAULT_STORE);
    }

    @Test
    void aSqliteUrlNamesTheAlternativesIncludingEventTable() {
        assertThatThrownBy(() -> OrdersLambda.storeUrl(Map.of("ALLFRAME_STORE", "sqlite:/tmp/x.db")))
                .hasMessageContaining("EVENT_TABLE").hasMessageContaining("jdbc:postgresql://");
    }
}
