package dev.allframe.lambda.events;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.allframe.http.Json;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.InvalidEventException;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;

/**
 * Fuzz targets for every Lambda door: whatever bytes arrive, the handler answers (an HTTP response, a batch
 * result) or throws one of its documented exceptions ({@link InvalidEventException} for an event it cannot serve,
 * {@link EventDispatchException} for an EventBridge, SNS or S3 event that failed). Anything else — a
 * NullPointerException, a StackOverflowError, an exception of a JSON library — is a finding.
 *
 * <p>In {@code mvn verify} each target runs its committed corpus ({@code src/test/resources/.../DoorsFuzzTestInputs/
 * TARGET/}, seeded with real AWS event shapes) as regression tests; {@code scripts/fuzz.sh} fuzzes a target for a
 * bounded time, and every crash it finds is added to that corpus with its fix.
 */
class DoorsFuzzTest {
    private static final Orders ORDERS = new Orders();
    private static final AllFrameHandler HANDLER = AllFrameHandler.of(
            () -> Router.builder()
                    .get("/orders/{id}", r -> Response.text(200, r.pathParam("id") + r.query().first("q").orElse("")))
                    .post("/orders", Json.body(Orders.PlaceOrder.class, (r, c) -> Response.json(201, c)))
                    .build(),
            () -> EventSources.builder()
                    .routes(Orders.routes())
                    .commandBus(ORDERS.bus)
                    .idempotency(IdempotencyStore.inMemory())
                    .projections(ORDERS.store, ProjectionRegistry.builder(ORDERS.store, CheckpointStore.inMemory())
                            .register("log", e -> { }).build())
                    .s3(n -> {
                        if (n.key().contains("fail")) {
                            throw new IllegalStateException("cannot index " + n.key());
                        }
                    })
                    .build());

    private static void invoke(byte[] event) {
        try {
            HANDLER.handle(event, null);
        } catch (InvalidEventException | EventDispatchException documented) {
            // the door's documented answers to an event it cannot serve or that failed
        }
    }

    @FuzzTest(maxDuration = "60s")
    void apiGatewayRestV1(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void httpApiV2(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void functionUrl(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void alb(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void sqs(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void sns(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void eventBridge(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void s3(byte[] event) {
        invoke(event);
    }

    @FuzzTest(maxDuration = "60s")
    void dynamoDbStreams(byte[] event) {
        invoke(event);
    }
}
