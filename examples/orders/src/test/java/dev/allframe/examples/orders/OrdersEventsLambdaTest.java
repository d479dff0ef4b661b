package dev.allframe.examples.orders;

import org.junit.jupiter.api.Test;

import dev.allframe.lambda.events.EventDispatchException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code orders-events} function in process: the queue's consumer, and the same routes for reads. */
class OrdersEventsLambdaTest {
    private static String sqs(String id, String body) {
        return """
                {"messageId":"%s","receiptHandle":"r-%1$s","body":%s,"attributes":{"ApproximateReceiveCount":"1"},
                 "messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:order-commands","awsRegion":"eu-west-1"}
                """.formatted(id, "\"" + body.replace("\"", "\\\"") + "\"");
    }

    private static String get(dev.allframe.lambda.AllFrameHandler lambda, String path) {
        return new String(lambda.handle(("""
                {"version":"2.0","routeKey":"$default","rawPath":"%s","rawQueryString":"","headers":{},
                 "requestContext":{"http":{"method":"GET","path":"%1$s","sourceIp":"1.2.3.4"},"requestId":"r",
                 "stage":"$default"},"isBase64Encoded":false}""").formatted(path).getBytes(StandardCharsets.UTF_8),
                null), StandardCharsets.UTF_8);
    }

    @Test
    void anSqsBatchOnTheOrderCommandsQueueFailsOnlyItsPoisonMessageAndARedeliveryAppendsNothingTwice() {
        OrdersEventsLambda lambda = new OrdersEventsLambda(); // ALLFRAME_STORE is not set in the test JVM: memory:
        byte[] batch = ("{\"Records\":[" + String.join(",",
                sqs("m-1", "{\"type\":\"CreateOrder\",\"orderId\":\"q-1\",\"customerId\":\"ann\"}"),
                sqs("m-2", "{\"type\":\"CancelOrder\",\"orderId\":\"q-1\"}"),
                sqs("m-3", "{\"type\":\"AddItem\",\"orderId\":\"q-1\",\"sku\":\"pen\",\"quantity\":3,"
                        + "\"unitPriceCents\":40}")) + "]}").getBytes(StandardCharsets.UTF_8);
        String answer = new String(lambda.handle(batch, null), StandardCharsets.UTF_8);
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
        assertThat(get(lambda, "/orders/q-1")).contains("\"statusCode\":200", "\\\"totalCents\\\":120",
                "\\\"version\\\":2");

        assertThat(new String(lambda.handle(batch, null), StandardCharsets.UTF_8)).isEqualTo(answer);
        assertThat(get(lambda, "/orders/q-1")).contains("\\\"version\\\":2");
    }

    @Test
    void anInvalidCommandFromTheQueueFailsAloneWithItsReasonAndIsNeverStored() {
        OrdersEventsLambda lambda = new OrdersEventsLambda();
        byte[] batch = ("{\"Records\":[" + String.join(",",
                sqs("m-1", "{\"type\":\"CreateOrder\",\"customerId\":\"c\"}"),
                sqs("m-2", "{\"type\":\"CreateOrder\",\"orderId\":\"\",\"customerId\":\"c\"}"),
                sqs("m-3", "{\"type\":\"CreateOrder\",\"orderId\":\"v-1\",\"customerId\":\"c\"}"),
                sqs("m-4", "{\"type\":\"AddItem\",\"orderId\":\"v-1\",\"sku\":\"pen\",\"quantity\":3}"),
                sqs("m-5", "{\"type\":\"AddItem\",\"orderId\":\"v-1\",\"sku\":\"pen\",\"quantity\":3,"
                        + "\"unitPriceCents\":40}")) + "]}").getBytes(StandardCharsets.UTF_8);
        assertThat(new String(lambda.handle(batch, null), StandardCharsets.UTF_8)).isEqualTo(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"},{\"itemIdentifier\":\"m-2\"},"
                        + "{\"itemIdentifier\":\"m-4\"}]}");
        // Only the valid commands were stored: the order has its creation and one line of 3 x 40.
        assertThat(get(lambda, "/orders/v-1")).contains("\"statusCode\":200", "\\\"totalCents\\\":120",
                "\\\"version\\\":2");
        assertThat(get(lambda, "/orders/null")).startsWith("{\"statusCode\":404");
    }

    @Test
    void anInvalidCheckoutFromEventBridgeIsRefusedNamingTheField() {
        OrdersEventsLambda lambda = new OrdersEventsLambda();
        byte[] event = """
                {"version":"0","id":"e-1","detail-type":"CheckoutCompleted","source":"com.example.shop",
                 "account":"123456789012","time":"2026-12-08T08:00:00Z","region":"eu-west-1","resources":[],
                 "detail":{"customerId":"c"}}""".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> lambda.handle(event, null))
                .isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("orderId")
                .hasMessageContaining("must not be blank");
        assertThat(get(lambda, "/orders/null")).startsWith("{\"statusCode\":404");
    }

    @Test
    void onLambdaTheLocalEventEndpointsDoNotExist() {
        OrdersEventsLambda events = new OrdersEventsLambda();
        assertThat(get(events, "/_allframe/events")).startsWith("{\"statusCode\":404");
        assertThat(get(events, "/_allframe/routes")).startsWith("{\"statusCode\":404");
        assertThat(get(new OrdersLambda(), "/_allframe/events/sqs/order-commands"))
                .as("nor on the HTTP function").startsWith("{\"statusCode\":404");
    }

    private static byte[] s3(String eventName, String key) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1",
                 "eventTime":"2026-11-27T08:00:00.000Z","eventName":"%s","s3":{"s3SchemaVersion":"1.0",
                 "bucket":{"name":"order-drops","arn":"arn:aws:s3:::order-drops"},
                 "object":{"key":"%s","size":12,"eTag":"abc","sequencer":"0A1B"}}}]}
                """.formatted(eventName, key).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOrderFileDroppedUnderIncomingOpensTheOrderOnceAndOtherKeysAreIgnoredOrRefused() {
        OrdersEventsLambda lambda = new OrdersEventsLambda();
        assertThat(lambda.handle(s3("ObjectCreated:Put", "incoming/cust+7/drop-1.json"), null))
                .asString(StandardCharsets.UTF_8).isEqualTo("{\"processed\":1}");
        assertThat(get(lambda, "/orders/drop-1")).contains("\"statusCode\":200", "\\\"customerId\\\":\\\"cust 7\\\"");
        // S3 may notify twice: the order exists, so the second delivery succeeds without a second event.
        lambda.handle(s3("ObjectCreated:Put", "incoming/cust+7/drop-1.json"), null);
        assertThat(get(lambda, "/orders/drop-1")).contains("\\\"version\\\":1");
        lambda.handle(s3("ObjectRemoved:Delete", "incoming/cust+7/drop-2.json"), null);
        lambda.handle(s3("ObjectCreated:Put", "reports/drop-3.json"), null);
        assertThat(get(lambda, "/orders/drop-2")).startsWith("{\"statusCode\":404");
        assertThatThrownBy(() -> lambda.handle(s3("ObjectCreated:Put", "incoming/no-customer.json"), null))
                .isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("order files go to incoming/CUSTOMER/ORDER_ID[.ext], not incoming/no-customer.json");
    }
}
