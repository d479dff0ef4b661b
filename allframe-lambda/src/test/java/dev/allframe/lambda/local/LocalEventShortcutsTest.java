package dev.allframe.lambda.local;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.Event;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.events.EventRoutes;
import dev.allframe.lambda.events.EventSources;
import dev.allframe.lambda.events.S3Notification;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import io.avaje.jsonb.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class LocalEventShortcutsTest {
    @Json
    record PlaceOrder(String orderId, String customer, int quantity) implements Command {
        @Override
        public String streamId() {
            return "order-" + orderId;
        }
    }

    @Json
    record OrderPlaced(String orderId, String customer, int quantity) implements Event {
    }

    private final InMemoryEventStoreBackend backend = InMemoryEventStoreBackend.create();
    private final EventStore<OrderPlaced> store = EventStore.create(backend,
            EventTypes.builder(OrderPlaced.class).register(OrderPlaced.class).build());
    private final List<S3Notification> uploads = new CopyOnWriteArrayList<>();
    private final List<StoredEvent<OrderPlaced>> projected = new CopyOnWriteArrayList<>();
    private final AllFrameHandler function = AllFrameHandler.of(() -> Router.builder().build(), () -> {
        CommandBus<OrderPlaced> bus = CommandBus.builder(store).register(PlaceOrder.class, (PlaceOrder c) -> {
            if (c.quantity() < 1) {
                throw CommandException.unprocessable("quantity must be at least 1");
            }
            return List.of(new OrderPlaced(c.orderId(), c.customer(), c.quantity()));
        }).build();
        return EventSources.builder()
                .routes(EventRoutes.builder().sqs("orders-queue", PlaceOrder.class).sqs("orders.fifo", PlaceOrder.class)
                        .eventBridge("com.example.shop", "OrderPlaced", PlaceOrder.class)
                        .sns("order-events", "place", PlaceOrder.class).build())
                .commandBus(bus)
                .idempotency(IdempotencyStore.inMemory())
                .projections(store, ProjectionRegistry.builder(store, CheckpointStore.inMemory())
                        .register("seen", projected::add).build())
                .s3(uploads::add)
                .build();
    });
    private final Router local = LocalEventsRoutes.register(Router.builder(), function, backend).build();

    private Response post(String path, String body) {
        return local.handle(Request.builder(HttpMethod.POST, path).header("content-type", "application/json")
                .body(body.getBytes(StandardCharsets.UTF_8)).build());
    }

    private static String text(Response r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private List<String> appended() {
        try (var all = store.readAll(1)) {
            return all.map(e -> e.event().orderId()).toList();
        }
    }

    @Test
    void anSqsBatchWithAPoisonMessageFailsExactlyThatMessageAndARedeliveryAppendsNothingTwice() {
        String batch = "[{\"orderId\":\"a\",\"customer\":\"ann\",\"quantity\":2}, \"not json\","
                + " {\"orderId\":\"b\",\"customer\":\"bob\",\"quantity\":1}]";
        String path = "/_allframe/events/sqs/orders-queue?messageId=m1&messageId=m2&messageId=m3";
        Response r = post(path, batch);
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}],\"results\":["
                + "{\"messageId\":\"m1\",\"status\":\"succeeded\"},{\"messageId\":\"m2\",\"status\":\"failed\"},"
                + "{\"messageId\":\"m3\",\"status\":\"succeeded\"}]}");
        assertThat(appended()).containsExactly("a", "b");

        assertThat(text(post(path, batch))).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]");
        assertThat(appended()).as("the redelivered batch is deduplicated by message id").containsExactly("a", "b");
    }

    @Test
    void oneMessageBodyWithoutIdsIsOneMessageAndABusinessRejectionIsAFailedItem() {
        Response ok = post("/_allframe/events/sqs/orders-queue", "{\"orderId\":\"c\",\"customer\":\"cy\",\"quantity\":3}");
        assertThat(text(ok)).startsWith("{\"batchItemFailures\":[],\"results\":[{\"messageId\":\"")
                .endsWith("\"status\":\"succeeded\"}]}");
        Response rejected = post("/_allframe/events/sqs/orders-queue?messageId=z",
                "{\"orderId\":\"d\",\"customer\":\"di\",\"quantity\":0}");
        assertThat(text(rejected)).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"z\"}]");
        assertThat(appended()).containsExactly("c");
        Response unrouted = post("/_allframe/events/sqs/other-queue?messageId=q", "{}");
        assertThat(text(unrouted)).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"q\"}]");
    }

    @Test
    void badShortcutRequestsAre400ProblemsNamingWhatIsWrong() {
        assertThat(post("/_allframe/events/sqs/orders-queue?messageId=one", "[{}, {}]"))
                .satisfies(r -> assertThat(r.status()).isEqualTo(400))
                .satisfies(r -> assertThat(text(r)).contains("messageId is given 1 time(s) for 2 message(s)"));
        assertThat(text(post("/_allframe/events/sqs/orders-queue", "[]"))).contains("is empty");
        assertThat(text(post("/_allframe/events/sqs/orders-queue", "[{\"a\":"))).contains("not valid JSON");
        assertThat(text(post("/_allframe/events/sqs/orders-queue", " "))).contains("the SQS message body is empty");
        Response noSource = post("/_allframe/events/eventbridge?detailType=OrderPlaced", "{}");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(text(noSource)).contains("'source' is required");
        assertThat(text(post("/_allframe/events/eventbridge?source=s&detailType=t", "[1]")))
                .contains("must be a JSON object");
        assertThat(text(post("/_allframe/events/s3/bucket/key?event=Created", ""))).contains("event (expected");
        Response malformed = post(LocalEventsRoutes.PATH, "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(text(malformed)).contains("Records[0].messageId");
    }

    @Test
    void anEventBridgeEventBecomesACommandOnceAndAnUnroutedOneIsAFunctionError() {
        String path = "/_allframe/events/eventbridge?source=com.example.shop&detailType=OrderPlaced&id=e-1";
        Response r = post(path, "{\"orderId\":\"e\",\"customer\":\"eve\",\"quantity\":4}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("{\"id\":\"e-1\",\"command\":\"PlaceOrder\",\"outcome\":\"dispatched\"}");
        assertThat(text(post(path, "{\"orderId\":\"e\",\"customer\":\"eve\",\"quantity\":4}")))
                .contains("\"outcome\":\"duplicate\"");
        assertThat(appended()).containsExactly("e");
        Response unrouted = post("/_allframe/events/eventbridge?source=x&detailType=Nope", "{}");
        assertThat(unrouted.status()).isEqualTo(500);
        assertThat(text(unrouted)).contains("EventDispatchException").contains("no route for detail-type 'Nope'");
    }

    @Test
    void anSnsNotificationSelectsItsCommandByTheCommandTypeAttribute() {
        Response r = post("/_allframe/events/sns/order-events?commandType=place&messageId=n-1&subject=hi",
                "{\"orderId\":\"n\",\"customer\":\"nia\",\"quantity\":1}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("{\"processed\":1,\"duplicates\":0}");
        assertThat(appended()).containsExactly("n");
    }

    @Test
    void anS3ShortcutDeliversTheObjectsKeySizeAndEventName() {
        Response r = post("/_allframe/events/s3/uploads/2026/invoice%20n%C2%BA%2042+1.pdf", "hello");
        assertThat(r.status()).isEqualTo(200);
        assertThat(text(r)).isEqualTo("{\"processed\":1}");
        assertThat(uploads).singleElement().satisfies(n -> {
            assertThat(n.bucket()).isEqualTo("uploads");
            assertThat(n.key()).isEqualTo("2026/invoice nº 42+1.pdf");
            assertThat(n.size()).isEqualTo(5);
            assertThat(n.eventName()).isEqualTo("ObjectCreated:Put");
            assertThat(n.eTag()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        });
        post("/_allframe/events/s3/uploads/old.csv?event=ObjectRemoved:Delete", "");
        assertThat(uploads.get(1).eventName()).isEqualTo("ObjectRemoved:Delete");
    }

    @Test
    void theLocalStoresEventsReplayAsDynamoDbStreamsInsertsToTheProjections() {
        post("/_allframe/events/sqs/orders-queue", "[{\"orderId\":\"p\",\"customer\":\"pia\",\"quantity\":1},"
                + "{\"orderId\":\"q\",\"customer\":\"quy\",\"quantity\":2}]");
        Response all = post("/_allframe/events/dynamodb", "");
        assertThat(all.status()).isEqualTo(200);
        assertThat(text(all)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(projected).extracting(e -> e.streamId() + "@" + e.version() + "#" + e.globalPosition())
                .containsExactly("order-p@1#1", "order-q@1#2");
        assertThat(projected.get(1).event()).isEqualTo(new OrderPlaced("q", "quy", 2));
        assertThat(projected.get(1).metadata().get("event-source")).contains("aws:sqs");

        post("/_allframe/events/dynamodb?stream=order-q", "");
        assertThat(projected).hasSize(3).last().extracting(StoredEvent::streamId).isEqualTo("order-q");
        assertThat(post("/_allframe/events/dynamodb?from=99", "").status()).isEqualTo(404);
        assertThat(text(post("/_allframe/events/dynamodb?limit=0", ""))).contains("limit (expected a whole number");
    }

    @Test
    void aFifoBatchStopsItsGroupAtTheFirstFailureAsOnLambda() {
        String batch = "[{\"orderId\":\"f1\",\"customer\":\"a\",\"quantity\":1},"
                + "{\"orderId\":\"f2\",\"customer\":\"b\",\"quantity\":0},"
                + "{\"orderId\":\"f3\",\"customer\":\"c\",\"quantity\":1}]";
        Response r = post("/_allframe/events/sqs/orders.fifo?group=g-1&messageId=1&messageId=2&messageId=3", batch);
        assertThat(text(r)).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"2\"},"
                + "{\"itemIdentifier\":\"3\"}]");
        assertThat(appended()).as("the group's later message waits for the failed one").containsExactly("f1");
    }

    @Test
    void aMessageAttributeSelectsTheCommandAndBodiesInAnArrayArriveByteForByte() {
        Response r = post("/_allframe/events/sqs/orders-queue?attribute=command-type=PlaceOrder&messageId=x",
                "[ {\"quantity\" : 7, \"orderId\":\"g\",\"customer\":\"[,]\\\"}\"} ]");
        assertThat(text(r)).startsWith("{\"batchItemFailures\":[],");
        try (var all = store.readAll(1)) {
            assertThat(all.map(e -> e.event()).toList()).containsExactly(new OrderPlaced("g", "[,]\"}", 7));
        }
        assertThat(text(post("/_allframe/events/sqs/orders-queue?attribute=novalue", "{}")))
                .contains("attribute (expected NAME=VALUE)");
    }
}
