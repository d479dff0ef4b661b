package dev.allframe.lambda.events;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Json;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodecs;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.InvalidEventException;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets of the Lambda doors, one per event source, each seeded with real AWS event shapes in
 * {@code src/test/resources/dev/allframe/lambda/events/LambdaDoorsFuzzTestInputs/<method>/}: in every build they run in
 * regression mode over those seeds; {@code scripts/fuzz.sh} mutates them for a bounded time ({@code JAZZER_FUZZ=1}).
 * The property is the door's contract: an invocation answers a JSON document (an HTTP event: with a status below
 * 500, since no route here fails) or fails with {@link InvalidEventException} or {@link EventDispatchException},
 * whose message names the problem; never another exception, never a stack overflow.
 */
class LambdaDoorsFuzzTest {
    private static final Orders ORDERS = new Orders();
    private static final AllFrameHandler HANDLER = AllFrameHandler.of(
            () -> Router.builder()
                    .post("/orders", Json.body(Orders.PlaceOrder.class, (req, cmd) -> Response.json(201,
                            Map.of("orderId", String.valueOf(cmd.orderId())))))
                    .route(HttpMethod.GET, "/{rest...}", req -> Response.json(Map.of("path", req.path(),
                            "query", req.query().asMap(), "headers", req.headers().asMap())))
                    .build(),
            () -> EventSources.builder()
                    .routes(Orders.routes())
                    .commandBus(ORDERS.bus)
                    .projections(ORDERS.store, ProjectionRegistry.builder(ORDERS.store, CheckpointStore.inMemory())
                            .register("noop", e -> { }).build())
                    .s3(n -> { })
                    .build());

    private static void invoke(byte[] event, boolean http) {
        byte[] answer;
        try {
            answer = HANDLER.handle(event, null);
        } catch (InvalidEventException | EventDispatchException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        Map<String, Object> doc = JsonCodecs.defaultCodec().read(answer, Map.class);
        if (http && doc.get("statusCode") instanceof Number status) {
            assertThat(status.intValue()).as(new String(answer, java.nio.charset.StandardCharsets.UTF_8))
                    .isBetween(200, 499);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void apiGatewayRestV1(@NotNull byte[] event) {
        invoke(event, true);
    }

    @FuzzTest(maxDuration = "60s")
    void apiGatewayHttpV2(@NotNull byte[] event) {
        invoke(event, true);
    }

    @FuzzTest(maxDuration = "60s")
    void functionUrl(@NotNull byte[] event) {
        invoke(event, true);
    }

    @FuzzTest(maxDuration = "60s")
    void alb(@NotNull byte[] event) {
        invoke(event, true);
    }

    @FuzzTest(maxDuration = "60s")
    void sqs(@NotNull byte[] event) {
        invoke(event, false);
    }

    @FuzzTest(maxDuration = "60s")
    void sns(@NotNull byte[] event) {
        invoke(event, false);
    }

    @FuzzTest(maxDuration = "60s")
    void eventBridge(@NotNull byte[] event) {
        invoke(event, false);
    }

    @FuzzTest(maxDuration = "60s")
    void s3(@NotNull byte[] event) {
        invoke(event, false);
    }

    @FuzzTest(maxDuration = "60s")
    void dynamoDbStreams(@NotNull byte[] event) {
        invoke(event, false);
    }
}
