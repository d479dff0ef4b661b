package dev.allframe.lambda.events;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.http.Router;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.json.JsonCodecs;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.MalformedEventException;
import dev.allframe.lambda.UnsupportedEventException;
import dev.allframe.projection.Backoff;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.projection.FailurePolicy;
import dev.allframe.projection.ProjectionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSourcesTest {
    private final Orders orders = new Orders();
    private final List<StoredEvent<Orders.OrderEvent>> projected = new CopyOnWriteArrayList<>();
    private final List<S3Notification> notifications = new CopyOnWriteArrayList<>();
    private final ProjectionRegistry<Orders.OrderEvent> projections =
            ProjectionRegistry.builder(orders.store, CheckpointStore.inMemory()).register("log", projected::add).build();
    private final AllFrameHandler handler = AllFrameHandler.of(
            () -> Router.builder().get("/health", r -> dev.allframe.http.Response.text(200, "ok")).build(),
            () -> EventSources.builder()
                    .routes(Orders.routes())
                    .commandBus(orders.bus)
                    .idempotency(IdempotencyStore.inMemory())
                    .projections(orders.store, projections)
                    .s3(n -> {
                        if (n.key().contains("fail")) {
                            throw new IllegalStateException("cannot index " + n.key());
                        }
                        notifications.add(n);
                    })
                    .build());

    static String fixture(String name) {
        try (InputStream in = EventSourcesTest.class.getResourceAsStream("/events/sources/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String invoke(String event) {
        return new String(handler.handle(event.getBytes(StandardCharsets.UTF_8), null), StandardCharsets.UTF_8);
    }

    private List<String> appended() {
        return orders.all().stream().map(e -> e.type() + ":" + e.streamId()).toList();
    }

    @Test
    void anSqsBatchDispatchesEachMessageAndReportsOnlyThePoisonOnesAsFailures() {
        String answer = invoke(fixture("sqs-mixed-batch.json"));
        assertThat(answer).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"c80e8021-a70a-42c7-a470-796e1186f753\"},"
                + "{\"itemIdentifier\":\"d9a8b7c6-0000-4e3a-9d2c-77aa6b1f0e11\"}]}");
        assertThat(appended()).containsExactly("OrderPlaced:order-o-1", "OrderCancelled:order-o-0");
        assertThat(orders.all().get(0).metadata().get("message-id"))
                .contains("059f36b4-87a3-44ab-83d2-661975830a7d");
    }

    @Test
    void eachPoisonMessageIsLoggedOnceWithItsReasonAndNoStackTrace() {
        java.io.PrintStream err = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invoke(fixture("sqs-mixed-batch.json"));
        } finally {
            System.setErr(err);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).filteredOn(l -> l.contains("c80e8021-a70a-42c7-a470-796e1186f753")).singleElement()
                .satisfies(l -> assertThat(l).startsWith("WARNING").contains("can never succeed")
                        .contains("the body is not a PlaceOrder"));
        assertThat(lines).filteredOn(l -> l.contains("d9a8b7c6-0000-4e3a-9d2c-77aa6b1f0e11")).singleElement()
                .satisfies(l -> assertThat(l).contains("unknown command 'RefundOrder' (from the message attribute"
                        + " 'command-type') for SQS queue 'orders-queue'; known: "));
        assertThat(lines).noneMatch(l -> l.startsWith("\tat "));
    }

    @Test
    void aRedeliveredBatchAppendsNothingTwice() {
        invoke(fixture("sqs-mixed-batch.json"));
        String again = invoke(fixture("sqs-mixed-batch.json"));
        assertThat(again).contains("c80e8021").contains("d9a8b7c6").doesNotContain("059f36b4");
        assertThat(appended()).hasSize(2);
    }

    @Test
    void aFifoGroupStopsAtItsFirstFailureWhileOtherGroupsGoOn() {
        String answer = invoke(fixture("sqs-fifo-groups.json"));
        assertThat(answer).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"a-2\"},{\"itemIdentifier\":\"a-3\"}]}");
        assertThat(appended()).containsExactly("OrderPlaced:order-a1", "OrderPlaced:order-b1", "OrderPlaced:order-b2");
    }

    @Test
    void aFailedDispatchReleasesItsClaimSoTheRetrySucceeds() {
        String event = sqs("flaky-1", "{\"orderId\":\"f1\",\"customer\":\"flaky\"}");
        assertThat(invoke(event)).contains("flaky-1");
        assertThat(appended()).isEmpty();
        assertThat(invoke(event)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(appended()).containsExactly("OrderPlaced:order-f1");
    }

    @Test
    void twoRacingDeliveriesOfOneMessageAppendOnceAndTheLoserSucceedsOnRetry() throws Exception {
        orders.gate = new CountDownLatch(1);
        String event = sqs("race-1", "{\"orderId\":\"r1\",\"customer\":\"slow\"}");
        String[] first = new String[1];
        Thread t = Thread.ofPlatform().start(() -> first[0] = invoke(event));
        assertThat(orders.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(invoke(event)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"race-1\"}]}");
        orders.gate.countDown();
        t.join(5_000);
        assertThat(first[0]).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(invoke(event)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(appended()).containsExactly("OrderPlaced:order-r1");
    }

    @Test
    void aClaimLastsNoLongerThanTheInvocationHoldingIt() throws Exception {
        java.util.List<java.time.Duration> leases = new CopyOnWriteArrayList<>();
        IdempotencyStore inner = IdempotencyStore.inMemory();
        IdempotencyStore recording = new IdempotencyStore() {
            @Override
            public dev.allframe.idempotency.Claim claim(String key, java.time.Duration lease) {
                leases.add(lease);
                return inner.claim(key, lease);
            }

            @Override
            public boolean complete(dev.allframe.idempotency.Claim claim, java.time.Duration retention) {
                return inner.complete(claim, retention);
            }

            @Override
            public void release(dev.allframe.idempotency.Claim claim) {
                inner.release(claim);
            }
        };
        AllFrameHandler function = AllFrameHandler.of(() -> Router.builder().build(), () -> EventSources.builder()
                .routes(Orders.routes()).commandBus(orders.bus).idempotency(recording).build());
        function.handle(sqs("outside", "{\"orderId\":\"l1\",\"customer\":\"x\"}").getBytes(StandardCharsets.UTF_8),
                null);
        var out = new java.io.ByteArrayOutputStream();
        function.handleRequest(new java.io.ByteArrayInputStream(sqs("inside", "{\"orderId\":\"l2\",\"customer\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8)), out, new Deadline(java.time.Duration.ofSeconds(30)));
        assertThat(leases.get(0)).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(leases.get(1)).isBetween(java.time.Duration.ofSeconds(20), java.time.Duration.ofSeconds(33));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    /** A runtime context whose invocation ends after a given time. */
    record Deadline(long deadlineMs) implements com.amazonaws.services.lambda.runtime.Context {
        Deadline(java.time.Duration left) {
            this(System.currentTimeMillis() + left.toMillis());
        }

        @Override
        public String getAwsRequestId() {
            return "req-1";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/orders";
        }

        @Override
        public String getLogStreamName() {
            return "s";
        }

        @Override
        public String getFunctionName() {
            return "orders";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:orders";
        }

        @Override
        public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return (int) (deadlineMs - System.currentTimeMillis());
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() {
            return null;
        }
    }

    @Test
    void aMessageWithoutASelectorOnAQueueWithSeveralCommandsIsPoison() {
        assertThat(invoke(sqs("x-1", "{\"orderId\":\"x\"}", null))).contains("x-1");
        assertThat(appended()).isEmpty();
    }

    @Test
    void aMessageOfAnUnroutedQueueIsPoison() {
        String event = sqs("u-1", "{}").replace(":orders-queue", ":other-queue");
        java.io.PrintStream err = System.err;
        var captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(invoke(event)).contains("u-1");
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("no route for SQS queue 'other-queue'; add one"
                + " with EventRoutes.builder().sqs(\"other-queue\", ...)");
    }

    @Test
    void anSnsEnvelopeInAnSqsMessageIsUnwrapped() {
        String envelope = "{\"Type\":\"Notification\",\"MessageId\":\"4a1e6a8c-1b2c\",\"TopicArn\":"
                + "\"arn:aws:sns:us-east-1:123456789012:order-events\",\"Message\":\"{\\\"orderId\\\":\\\"o-5\\\","
                + "\\\"reason\\\":\\\"fraud\\\"}\",\"Timestamp\":\"2026-11-27T06:00:00.000Z\","
                + "\"MessageAttributes\":{\"command-type\":{\"Type\":\"String\",\"Value\":\"cancel\"}}}";
        assertThat(invoke(sqs("env-1", envelope, null))).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(orders.all()).singleElement().satisfies(e ->
                assertThat(e.event()).isEqualTo(new Orders.OrderCancelled("o-5", "fraud")));
    }

    @Test
    void anSnsNotificationBecomesTheCommandItsAttributeNamesOnce() {
        assertThat(invoke(fixture("sns-notification.json"))).isEqualTo("{\"processed\":1,\"duplicates\":0}");
        assertThat(invoke(fixture("sns-notification.json"))).isEqualTo("{\"processed\":1,\"duplicates\":1}");
        assertThat(appended()).containsExactly("OrderCancelled:order-o-7");
        assertThat(orders.all().get(0).event()).isEqualTo(new Orders.OrderCancelled("o-7", "out of stock"));
    }

    @Test
    void anSnsNotificationOfAnUnknownCommandFailsTheInvocationNamingTheMessage() {
        String event = fixture("sns-notification.json").replace("\"Value\": \"cancel\"", "\"Value\": \"ship\"");
        assertThatThrownBy(() -> invoke(event)).isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("95df01b4-ee98-5cb9-9903-4c221d41eb5e")
                .hasMessageContaining("unknown command 'ship'")
                .satisfies(e -> assertThat(((EventDispatchException) e).failedIds())
                        .containsExactly("95df01b4-ee98-5cb9-9903-4c221d41eb5e"));
    }

    @Test
    void anEventBridgeEventsDetailBecomesTheCommandOfItsDetailTypeOnce() {
        assertThat(invoke(fixture("eventbridge-order-placed.json"))).isEqualTo(
                "{\"id\":\"6a7e8feb-b491-4cf7-a9f1-bf3703467718\",\"command\":\"PlaceOrder\",\"outcome\":\"dispatched\"}");
        assertThat(invoke(fixture("eventbridge-order-placed.json"))).contains("\"outcome\":\"duplicate\"");
        assertThat(orders.all()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo(new Orders.OrderPlaced("eb-1", "carol"));
            assertThat(e.metadata().get("event-source")).contains("aws:events");
        });
    }

    @Test
    void anEventBridgeEventFromAnotherSourceOrOfAnUnknownTypeFailsNamingWhatIsRouted() {
        String otherSource = fixture("eventbridge-order-placed.json").replace("com.example.shop", "com.example.crm");
        assertThatThrownBy(() -> invoke(otherSource)).isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("no route for detail-type 'OrderPlaced' from source 'com.example.crm'")
                .hasMessageContaining("routed detail-types: [OrderPlaced]");
        String badDetail = fixture("eventbridge-order-placed.json").replace("\"customer\": \"carol\"",
                "\"customer\": 42");
        assertThatThrownBy(() -> invoke(badDetail)).isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("is not a PlaceOrder");
        assertThat(appended()).isEmpty();
    }

    @Test
    void dynamoDbStreamInsertsReachTheProjectionsInOrderAndEverythingElseIsIgnored() {
        assertThat(invoke(fixture("dynamodb-stream-event-table.json"))).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(projected).extracting(e -> e.streamId() + "@" + e.version() + "#" + e.globalPosition())
                .containsExactly("order-o-1@1#41", "order-o-1@2#42", "order-o-2@1#0");
        assertThat(projected.get(1).event()).isEqualTo(new Orders.OrderCancelled("o-1", "late"));
        assertThat(projected.get(0).metadata().get("message-id")).contains("m-1");
        assertThat(projected.get(0).timestamp()).hasToString("2026-11-27T06:00:00.123Z");
    }

    @Test
    void aPayloadStoredAsBinaryPayloadBytesDecodesLikeTheTextPayload() {
        String json = "{\"orderId\":\"o-1\",\"customer\":\"alice\"}";
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String binary = fixture("dynamodb-stream-event-table.json").replace(
                "\"payload\": {\n            \"S\": \"{\\\"orderId\\\":\\\"o-1\\\",\\\"customer\\\":\\\"alice\\\"}\"",
                "\"payload_bytes\": {\n            \"B\": \"" + base64 + "\"");
        assertThat(binary).contains("payload_bytes");
        assertThat(invoke(binary)).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(projected).extracting(e -> e.streamId() + "@" + e.version())
                .containsExactly("order-o-1@1", "order-o-1@2", "order-o-2@1");
        assertThat(projected.get(0).event()).isEqualTo(new Orders.OrderPlaced("o-1", "alice"));
    }

    @Test
    void binaryPayloadBytesThatAreNotUtf8ReachTheDecoderUnchanged() {
        byte[] raw = {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x7B};
        StreamDoor<Orders.OrderEvent> door = new StreamDoor<Orders.OrderEvent>(null, JsonCodecs.defaultCodec());
        Map<String, Object> image = Map.of(
                "PK", Map.of("S", "blob-1"), "SK", Map.of("S", "00000000000000000003"),
                "event_type", Map.of("S", "Blob"),
                "payload_bytes", Map.of("B", Base64.getEncoder().encodeToString(raw)),
                "timestamp", Map.of("S", "2026-11-27T06:00:00.123Z"), "global_position", Map.of("N", "7"));
        RecordedEvent decoded = door.decode(image, "Records[0].dynamodb.NewImage.");
        assertThat(decoded.payload()).containsExactly(raw);
        assertThat(decoded.version()).isEqualTo(3);
        assertThat(decoded.globalPosition()).isEqualTo(7);
        Map<String, Object> broken = new java.util.HashMap<>(image);
        broken.put("payload_bytes", Map.of("B", "not base64!"));
        assertThatThrownBy(() -> door.decode(broken, "Records[0].dynamodb.NewImage."))
                .hasMessageContaining("'Records[0].dynamodb.NewImage.payload_bytes.B' must be base64");
        Map<String, Object> neither = new java.util.HashMap<>(image);
        neither.remove("payload_bytes");
        assertThatThrownBy(() -> door.decode(neither, "Records[0].dynamodb.NewImage."))
                .hasMessageContaining("'Records[0].dynamodb.NewImage.payload' is missing");
    }

    @Test
    void aDynamoDbStreamRecordOfAnUnknownTypeIsParkedAndTheBatchGoesOn() {
        DeadLetterStore dead = DeadLetterStore.inMemory();
        ProjectionRegistry<Orders.OrderEvent> parking = ProjectionRegistry.builder(orders.store,
                CheckpointStore.inMemory()).deadLetters(dead).register("log", projected::add).build();
        assertThat(handle(parking, "dynamodb-stream-unknown-type.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(projected).extracting(StoredEvent::streamId).containsExactly("order-o-1", "order-o-4");
        assertThat(dead.list("log")).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo("order-o-3");
            assertThat(p.type()).isEqualTo("OrderShipped");
            assertThat(p.errorMessage()).contains("Unknown event type 'OrderShipped'");
        });
    }

    @Test
    void withPolicyStopAStreamRecordThatFailsIsReportedWithEveryRecordAfterIt() {
        ProjectionRegistry<Orders.OrderEvent> strict = ProjectionRegistry.builder(orders.store,
                CheckpointStore.inMemory()).register("log", projected::add, FailurePolicy.STOP).build();
        assertThat(handle(strict, "dynamodb-stream-unknown-type.json")).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"200000000000000000007\"},{\"itemIdentifier\":\"200000000000000000008\"},"
                + "{\"itemIdentifier\":\"200000000000000000009\"}]}");
        assertThat(projected).extracting(StoredEvent::streamId).containsExactly("order-o-1");
    }

    @Test
    void aProjectionThatThrowsOnAStreamRecordParksItAndGetsTheRecordsAfterIt() {
        List<String> applied = new CopyOnWriteArrayList<>();
        DeadLetterStore dead = DeadLetterStore.inMemory();
        ProjectionRegistry<Orders.OrderEvent> picky = ProjectionRegistry.builder(orders.store,
                CheckpointStore.inMemory()).deadLetters(dead).register("picky", e -> {
                    if (e.event() instanceof Orders.OrderCancelled) {
                        throw new IllegalStateException("cannot cancel yet");
                    }
                    applied.add(e.streamId() + "@" + e.version());
                }).build();
        assertThat(handle(picky, "dynamodb-stream-event-table.json")).isEqualTo("{\"batchItemFailures\":[]}");
        assertThat(applied).containsExactly("order-o-1@1", "order-o-2@1");
        assertThat(dead.list("picky")).singleElement().satisfies(p -> {
            assertThat(p.streamId() + "@" + p.version()).isEqualTo("order-o-1@2");
            assertThat(p.error()).isEqualTo("java.lang.IllegalStateException: cannot cancel yet");
        });
        assertThat(picky.status("picky").degraded()).isTrue();
    }

    @Test
    void aTransientFailureThatOutlastsTheRetriesFailsItsRecordAndEveryLaterOneForRedelivery() {
        List<String> applied = new CopyOnWriteArrayList<>();
        ProjectionRegistry<Orders.OrderEvent> flaky = ProjectionRegistry.builder(orders.store,
                CheckpointStore.inMemory()).backoff(new Backoff(2, Duration.ZERO, Duration.ZERO))
                .register("flaky", e -> {
                    if (e.event() instanceof Orders.OrderCancelled) {
                        throw new EventStoreException("read model database unreachable");
                    }
                    applied.add(e.streamId() + "@" + e.version());
                }).build();
        assertThat(handle(flaky, "dynamodb-stream-event-table.json")).isEqualTo("{\"batchItemFailures\":["
                + "{\"itemIdentifier\":\"100000000000000000004\"},{\"itemIdentifier\":\"100000000000000000005\"},"
                + "{\"itemIdentifier\":\"100000000000000000006\"}]}");
        assertThat(applied).containsExactly("order-o-1@1");
        assertThat(flaky.status("flaky").parked()).isZero();
    }

    private String handle(ProjectionRegistry<Orders.OrderEvent> registry, String fixture) {
        AllFrameHandler streams = AllFrameHandler.of(() -> Router.builder().build(),
                () -> EventSources.builder().projections(orders.store, registry).build());
        return new String(streams.handle(fixture(fixture).getBytes(StandardCharsets.UTF_8), null),
                StandardCharsets.UTF_8);
    }

    @Test
    void anInsertWithoutANewImageFailsNamingTheStreamViewType() {
        String keysOnly = fixture("dynamodb-stream-event-table.json").replace("\"NewImage\"", "\"Ignored\"");
        assertThat(invoke(keysOnly)).contains("100000000000000000001");
        assertThat(projected).isEmpty();
    }

    @Test
    void aStreamItemWithABrokenAttributeFailsThatRecordOnwards() {
        String broken = fixture("dynamodb-stream-event-table.json").replace("\"S\": \"00000000000000000002\"",
                "\"S\": \"two\"");
        assertThat(invoke(broken)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"100000000000000000004\"},"
                + "{\"itemIdentifier\":\"100000000000000000005\"},{\"itemIdentifier\":\"100000000000000000006\"}]}");
        assertThat(projected).extracting(StoredEvent::streamId).containsExactly("order-o-1");
    }

    @Test
    void anS3NotificationArrivesTypedWithItsKeyDecoded() {
        assertThat(invoke(fixture("s3-object-created.json"))).isEqualTo("{\"processed\":1}");
        assertThat(notifications).singleElement().satisfies(n -> {
            assertThat(n.bucket()).isEqualTo("invoices-bucket");
            assertThat(n.key()).isEqualTo("2026/Q4/invoice nº 42+1.pdf");
            assertThat(n.size()).isEqualTo(1305107);
            assertThat(n.eventName()).isEqualTo("ObjectCreated:Put");
            assertThat(n.eTag()).isEqualTo("b21b84d653bb07b05b1e6b33684dc11b");
            assertThat(n.sequencer()).isEqualTo("0C0F6F405D6ED209E1");
            assertThat(n.created()).isTrue();
            assertThat(n.eventTime()).hasToString("2026-11-27T06:00:00Z");
        });
        invoke(fixture("s3-object-removed.json"));
        assertThat(notifications.get(1)).satisfies(n -> {
            assertThat(n.removed()).isTrue();
            assertThat(n.size()).isZero();
            assertThat(n.eTag()).isNull();
        });
    }

    @Test
    void aFailingS3HandlerFailsTheInvocationSoLambdaRetries() {
        String event = fixture("s3-object-removed.json").replace("old/report.csv", "fail/report.csv");
        assertThatThrownBy(() -> invoke(event)).isInstanceOf(EventDispatchException.class)
                .hasMessageContaining("S3 ObjectRemoved:Delete of s3://invoices-bucket/fail/report.csv failed")
                .hasMessageContaining("cannot index fail/report.csv");
    }

    @Test
    void httpEventsStillReachTheRouterThroughTheSameEntryPoint() {
        String http = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/health\",\"rawQueryString\":\"\","
                + "\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/health\","
                + "\"sourceIp\":\"1.2.3.4\"},\"requestId\":\"r\",\"stage\":\"$default\"},\"isBase64Encoded\":false}";
        assertThat(invoke(http)).contains("\"statusCode\":200").contains("ok");
    }

    @Test
    void anEventOfAKindTheFunctionHasNotConfiguredFailsWithAHint() {
        AllFrameHandler httpAndQueues = AllFrameHandler.of(() -> Router.builder().build(),
                () -> EventSources.builder().routes(Orders.routes()).commandBus(orders.bus).build());
        assertThatThrownBy(() -> httpAndQueues.handle(fixture("s3-object-created.json").getBytes(StandardCharsets.UTF_8),
                null)).isInstanceOf(UnsupportedEventException.class).hasMessageContaining("add .s3(handler)");
        assertThatThrownBy(() -> httpAndQueues.handle(
                fixture("dynamodb-stream-event-table.json").getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(UnsupportedEventException.class).hasMessageContaining(".projections(eventStore, registry)");
    }

    @Test
    void aBatchRecordWithoutItsIdFailsTheInvocationNamingTheField() {
        String event = fixture("sqs-mixed-batch.json").replaceFirst("\"messageId\"", "\"messageID\"");
        assertThatThrownBy(() -> invoke(event)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'Records[0].messageId' must be a string, but is missing");
    }

    @Test
    void routesRefuseADuplicateNamingBothCommands() {
        assertThatThrownBy(() -> EventRoutes.builder().sqs("q", Orders.PlaceOrder.class)
                .sqs("q", "PlaceOrder", Orders.CancelOrder.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQS queue 'q' / 'PlaceOrder' goes to")
                .hasMessageContaining("PlaceOrder, cannot also go to")
                .hasMessageContaining("CancelOrder");
        EventRoutes any = EventRoutes.builder().eventBridge("X", Orders.PlaceOrder.class)
                .eventBridge("s", "X", Orders.CancelOrder.class).build();
        assertThat(any.eventBridge("s", "X")).isEqualTo(Orders.CancelOrder.class);
        assertThat(any.eventBridge("t", "X")).isEqualTo(Orders.PlaceOrder.class);
    }

    static String sqs(String id, String body) {
        return sqs(id, body, "PlaceOrder");
    }

    static String sqs(String id, String body, String command) {
        String attributes = command == null ? "{}" : "{\"command-type\":{\"stringValue\":\"" + command
                + "\",\"dataType\":\"String\"}}";
        return "{\"Records\":[{\"messageId\":\"" + id + "\",\"receiptHandle\":\"h\",\"body\":"
                + "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},"
                + "\"messageAttributes\":" + attributes + ",\"md5OfBody\":\"x\",\"eventSource\":\"aws:sqs\","
                + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:orders-queue\",\"awsRegion\":\"us-east-1\"}]}";
    }
}
