package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.http.Json;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonLimits;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.MalformedEventException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15 through the real Lambda doors: JSON limits on the HTTP door (event and body), the SQS and EventBridge
 * doors; and a command type without a JSON adapter reported as the function's fault, for retry, not as poison.
 */
class FailureIsolationTest {
    /** A routed command the build left without a generated adapter: no {@code @Json}. */
    record Unannotated(String orderId) implements Command {
        @Override
        public String streamId() {
            return "order-" + orderId;
        }
    }

    private final Orders orders = new Orders();
    private final AllFrameHandler handler = AllFrameHandler.of(
            () -> Router.builder()
                    .post("/orders", Json.body(Orders.PlaceOrder.class, (req, cmd) -> Response.text(201, cmd.orderId())))
                    .post("/unannotated", Json.body(Unannotated.class, (req, cmd) -> Response.text(cmd.orderId())))
                    .get("/health", req -> Response.text("ok"))
                    .build(),
            () -> EventSources.builder()
                    .routes(EventRoutes.builder()
                            .sqs("orders-queue", Orders.PlaceOrder.class)
                            .sqs("orders-queue", "unannotated", Unannotated.class)
                            .eventBridge("com.example.shop", "OrderPlaced", Orders.PlaceOrder.class)
                            .eventBridge("com.example.shop", "Unannotated", Unannotated.class)
                            .build())
                    .commandBus(orders.bus)
                    .build());

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An HTTP API (payload 2.0) event; {@code extra} is spliced in as further top-level members. */
    private static String httpEvent(String method, String path, String body, String extra) {
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":{\"content-type\":\"application/json\"},"
                + "\"requestContext\":{\"requestId\":\"r-1\",\"stage\":\"$default\",\"http\":{\"method\":\"" + method
                + "\",\"path\":\"" + path + "\",\"sourceIp\":\"192.0.2.1\"}},"
                + (body == null ? "" : "\"body\":" + quoted(body) + ",") + extra + "\"isBase64Encoded\":false}";
    }

    private Map<String, Object> invoke(String event) {
        return JsonCodecs.defaultCodec().read(handler.handle(event.getBytes(StandardCharsets.UTF_8), null),
                Map.class);
    }

    private String invokeRaw(String event) {
        return new String(handler.handle(event.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
    }

    private static List<String> stderrOf(Runnable action) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, Object> problem(Map<String, Object> answer) {
        return JsonCodecs.defaultCodec().read(((String) answer.get("body")).getBytes(StandardCharsets.UTF_8),
                Map.class);
    }

    // --- the HTTP door ---

    @Test
    void anApiGatewayEventWithA100000DeepHeaderStructureFailsNamingMaxDepthNotAStackOverflow() {
        String event = httpEvent("GET", "/health", null, "").replace("\"headers\":{",
                "\"headers\":{\"x-deep\":" + nested(100_000) + ",");
        assertThatThrownBy(() -> handler.handle(event.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("The event crosses a JSON limit: the JSON nests deeper than the limit of 500"
                        + " levels (maxDepth)");
    }

    @Test
    void anEventNestedToTheDepthLimitIsServedAndOneLevelMoreFails() {
        // The event object is level 1, so 499 arrays in a top-level member reach level 500.
        String atEdge = httpEvent("GET", "/health", null, "\"x-extra\":" + nested(JsonLimits.DEFAULT_MAX_DEPTH - 1) + ",");
        assertThat(invoke(atEdge)).containsEntry("statusCode", 200L).containsEntry("body", "ok");
        String beyond = httpEvent("GET", "/health", null, "\"x-extra\":" + nested(JsonLimits.DEFAULT_MAX_DEPTH) + ",");
        assertThatThrownBy(() -> handler.handle(beyond.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("maxDepth");
    }

    @Test
    void aBodyWithA100000DeepUnknownFieldIsA400ProblemNamingMaxDepth() {
        String body = "{\"orderId\":\"o-1\",\"customer\":\"ann\",\"extra\":" + nested(100_000) + "}";
        Map<String, Object> answer = invoke(httpEvent("POST", "/orders", body, ""));
        assertThat(answer).containsEntry("statusCode", 400L);
        assertThat(problem(answer)).containsEntry("limit", "maxDepth");
    }

    @Test
    void aBodyAtEachLimitIsServedAndJustBeyondIsA400NamingTheLimit() {
        String depthEdge = "{\"orderId\":\"o-1\",\"customer\":\"ann\",\"extra\":" + nested(499) + "}";
        assertThat(invoke(httpEvent("POST", "/orders", depthEdge, ""))).containsEntry("statusCode", 201L);
        String entriesEdge = "{\"orderId\":\"o-1\",\"extra\":[0" + ",0".repeat(JsonLimits.DEFAULT_MAX_ENTRIES - 1) + "]}";
        assertThat(invoke(httpEvent("POST", "/orders", entriesEdge, ""))).containsEntry("statusCode", 201L);
        Map<String, Object> entries = invoke(httpEvent("POST", "/orders", entriesEdge.replace("[0", "[0,0"), ""));
        assertThat(entries).containsEntry("statusCode", 400L);
        assertThat(problem(entries)).containsEntry("limit", "maxEntries");
        String stringEdge = "{\"orderId\":\"" + "o".repeat(JsonLimits.TYPED_MAX_STRING_CHARS) + "\"}";
        assertThat(invoke(httpEvent("POST", "/orders", stringEdge, ""))).containsEntry("statusCode", 201L);
        Map<String, Object> string = invoke(httpEvent("POST", "/orders",
                "{\"orderId\":\"" + "o".repeat(JsonLimits.TYPED_MAX_STRING_CHARS + 1) + "\"}", ""));
        assertThat(string).containsEntry("statusCode", 400L);
        assertThat(problem(string)).containsEntry("limit", "maxStringBytes");
    }

    @Test
    void anEventWhoseBodyIsLongerThanTheLibrarysStringBufferIsServed() {
        // Avaje Jsonb alone cannot read a string over 32,767 characters: a 120 KB body failed the whole event.
        String body = "{\"orderId\":\"o-1\",\"customer\":\"ann\",\"extra\":[" + "1,".repeat(60_000) + "1]}";
        assertThat(invoke(httpEvent("POST", "/orders", body, ""))).containsEntry("statusCode", 201L);
    }

    @Test
    void aBodyTypeWithoutAnAdapterIsA500WithAnErrorIdNotTheClientsMalformedBody() {
        Map<String, Object> answer = invoke(httpEvent("POST", "/unannotated", "{\"orderId\":\"o-1\"}", ""));
        assertThat(answer).containsEntry("statusCode", 500L);
        assertThat(problem(answer)).containsKey("errorId");
    }

    // --- the SQS door ---

    private static String sqsBatch(String... idsAndBodies) {
        StringBuilder sb = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < idsAndBodies.length; i += 3) {
            String command = idsAndBodies[i + 2];
            sb.append(i == 0 ? "" : ",").append("{\"messageId\":\"").append(idsAndBodies[i])
                    .append("\",\"receiptHandle\":\"h\",\"body\":").append(quoted(idsAndBodies[i + 1]))
                    .append(",\"attributes\":{},\"messageAttributes\":")
                    .append(command == null ? "{}" : "{\"command-type\":{\"stringValue\":\"" + command
                            + "\",\"dataType\":\"String\"}}")
                    .append(",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012"
                            + ":orders-queue\",\"awsRegion\":\"us-east-1\"}");
        }
        return sb.append("]}").toString();
    }

    @Test
    void anSqsMessageWithA100000DeepBodyFailsAloneNamingMaxDepth() {
        String deep = "{\"orderId\":\"o-2\",\"customer\":\"bob\",\"extra\":" + nested(100_000) + "}";
        List<String> log = stderrOf(() -> assertThat(invokeRaw(sqsBatch(
                "m-1", "{\"orderId\":\"o-1\",\"customer\":\"ann\"}", "PlaceOrder",
                "m-2", deep, "PlaceOrder"))).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}"));
        assertThat(orders.all()).extracting(e -> e.streamId()).containsExactly("order-o-1");
        assertThat(log).filteredOn(l -> l.contains("m-2")).singleElement()
                .satisfies(l -> assertThat(l).contains("can never succeed").contains("maxDepth"));
    }

    @Test
    void anSqsBodyAtTheDepthLimitIsDispatchedAndOneLevelMoreFails() {
        String edge = "{\"orderId\":\"o-1\",\"customer\":\"ann\",\"extra\":" + nested(499) + "}";
        String beyond = "{\"orderId\":\"o-2\",\"customer\":\"bob\",\"extra\":" + nested(500) + "}";
        assertThat(invokeRaw(sqsBatch("m-1", edge, "PlaceOrder", "m-2", beyond, "PlaceOrder")))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}");
        assertThat(orders.all()).extracting(e -> e.streamId()).containsExactly("order-o-1");
    }

    @Test
    void anSqsCommandWithoutAnAdapterIsReportedForRetryAsTheFunctionsFaultNotAsPoison() {
        List<String> log = stderrOf(() -> assertThat(invokeRaw(sqsBatch(
                "m-1", "{\"orderId\":\"o-1\",\"customer\":\"ann\"}", "PlaceOrder",
                "m-2", "{\"orderId\":\"o-2\"}", "unannotated")))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}"));
        assertThat(log).filteredOn(l -> l.contains("m-2")).singleElement().satisfies(l -> assertThat(l)
                .startsWith("ERROR")
                .contains("SQS message m-2 of queue 'orders-queue' failed on a fault of the function, not of the"
                        + " message (error id ")
                .contains("reported for retry")
                .contains("No JSON adapter for dev.allframe.lambda.events.FailureIsolationTest$Unannotated")
                .contains("annotate it with @io.avaje.jsonb.Json")
                .doesNotContain("can never succeed"));
        assertThat(log).noneMatch(l -> l.startsWith("\tat "));
    }

    // --- the EventBridge door ---

    private static String eventBridge(String detailType, String detail) {
        return "{\"version\":\"0\",\"id\":\"eb-1\",\"detail-type\":\"" + detailType + "\",\"source\":"
                + "\"com.example.shop\",\"account\":\"123456789012\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":"
                + "\"us-east-1\",\"resources\":[],\"detail\":" + detail + "}";
    }

    @Test
    void anEventBridgeCommandWithoutAnAdapterFailsTheInvocationSoLambdaRetriesIt() {
        Supplier<byte[]> invoke = () -> handler.handle(eventBridge("Unannotated", "{\"orderId\":\"o-1\"}")
                .getBytes(StandardCharsets.UTF_8), null);
        List<String> log = stderrOf(() -> assertThatThrownBy(invoke::get)
                .isInstanceOf(EventDispatchException.class)
                .hasRootCauseInstanceOf(dev.allframe.json.MissingJsonAdapterException.class));
        assertThat(log).filteredOn(l -> l.contains("eb-1")).singleElement().satisfies(l -> assertThat(l)
                .startsWith("ERROR").contains("failed on a fault of the function").doesNotContain("can never succeed"));
    }

    @Test
    void anEventBridgeDetailNestedBeyondTheLimitFailsNamingMaxDepth() {
        assertThatThrownBy(() -> handler.handle(eventBridge("OrderPlaced", "{\"orderId\":\"o-1\",\"x\":"
                + nested(100_000) + "}").getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("maxDepth");
    }
}
