package dev.allframe.lambda.events;

import dev.allframe.http.Router;
import dev.allframe.idempotency.IdempotencyStore;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecs;
import dev.allframe.lambda.AllFrameHandler;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end against a real SQS API server (ElasticMQ on loopback): messages sit in a queue with a redrive policy,
 * and a small poller does what Lambda's event source mapping does (receive, invoke the handler with an SQS event
 * built from the messages, delete the succeeded ones, leave the failed ones to reappear after the visibility
 * timeout). The poison message reaches the dead-letter queue after its receive count; every other message appends
 * its event exactly once, even though the first batch is redelivered whole, as after a Lambda timeout.
 */
class SqsEventSourceMappingTest {
    private static final int MAX_RECEIVES = 3;
    private static final JsonCodec JSON = JsonCodecs.defaultCodec();

    private SQSRestServer server;
    private SqsClient sqs;
    private final Orders orders = new Orders();
    private final AllFrameHandler function = AllFrameHandler.of(() -> Router.builder().build(),
            () -> EventSources.builder().routes(Orders.routes()).commandBus(orders.bus)
                    .idempotency(IdempotencyStore.inMemory()).build());

    @BeforeEach
    void startSqs() {
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion("us-east-1")
                .withAWSAccountId("000000000000").start();
        int port = server.waitUntilStarted().localAddress().getPort();
        sqs = SqsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stopSqs() {
        if (sqs != null) {
            sqs.close();
        }
        if (server != null) {
            server.stopAndWait();
        }
    }

    @Test
    void thePoisonMessageReachesTheDeadLetterQueueAndTheRestSucceedExactlyOnce() throws Exception {
        String dlq = sqs.createQueue(b -> b.queueName("orders-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String queue = sqs.createQueue(b -> b.queueName("orders-queue").attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1",
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}")))
                .queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);

        for (int i = 1; i <= 6; i++) {
            String body = "{\"orderId\":\"e2e-" + i + "\",\"customer\":\"c" + i + "\"}";
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body).messageAttributes(Map.of("command-type",
                    MessageAttributeValue.builder().dataType("String").stringValue("PlaceOrder").build())));
        }
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"orderId\": \"poison\", \"customer\": ")
                .messageAttributes(Map.of("command-type",
                        MessageAttributeValue.builder().dataType("String").stringValue("PlaceOrder").build())));

        Poller poller = new Poller(queue, queueArn);
        poller.drain(true); // the first batch is processed but nothing is deleted: a timed-out invocation
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!poller.queueEmpty() && System.nanoTime() < deadline) {
            poller.drain(false);
        }

        assertThat(poller.queueEmpty()).as("main queue drained").isTrue();
        assertThat(orders.all()).hasSize(6);
        assertThat(orders.all()).extracting(e -> e.streamId() + "@" + e.version())
                .containsExactlyInAnyOrder("order-e2e-1@1", "order-e2e-2@1", "order-e2e-3@1", "order-e2e-4@1",
                        "order-e2e-5@1", "order-e2e-6@1");
        assertThat(poller.redelivered).as("messages the handler saw more than once").isNotEmpty();

        List<Message> dead = sqs.receiveMessage(b -> b.queueUrl(dlq).maxNumberOfMessages(10).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        assertThat(dead).singleElement().satisfies(m -> {
            assertThat(m.body()).contains("poison");
            assertThat(poller.invocationsOf.get(m.messageId())).isEqualTo(MAX_RECEIVES);
        });
    }

    /** Receive, invoke, delete the succeeded: the loop of Lambda's SQS event source mapping. */
    private final class Poller {
        final String queue;
        final String arn;
        final Map<String, Integer> invocationsOf = new LinkedHashMap<>();
        final Set<String> redelivered = new HashSet<>();

        Poller(String queue, String arn) {
            this.queue = queue;
            this.arn = arn;
        }

        void drain(boolean crashBeforeDeleting) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (batch.isEmpty()) {
                return;
            }
            for (Message m : batch) {
                if (invocationsOf.merge(m.messageId(), 1, Integer::sum) > 1) {
                    redelivered.add(m.messageId());
                }
            }
            byte[] answer = function.handle(event(batch), null);
            if (crashBeforeDeleting) {
                return;
            }
            Set<String> failed = new HashSet<>();
            Map<?, ?> decoded = JSON.read(answer, Object.class);
            for (Object f : (List<?>) decoded.get("batchItemFailures")) {
                failed.add((String) ((Map<?, ?>) f).get("itemIdentifier"));
            }
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message m : batch) {
                if (!failed.contains(m.messageId())) {
                    done.add(DeleteMessageBatchRequestEntry.builder().id("d" + done.size())
                            .receiptHandle(m.receiptHandle()).build());
                }
            }
            if (!done.isEmpty()) {
                assertThat(sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(done)).failed()).isEmpty();
            }
        }

        boolean queueEmpty() {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }

        /** The SQS event Lambda would build from these messages. */
        byte[] event(List<Message> batch) {
            List<Object> records = new ArrayList<>();
            for (Message m : batch) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
                Map<String, Object> messageAttributes = new LinkedHashMap<>();
                m.messageAttributes().forEach((k, v) -> messageAttributes.put(k, Map.of("stringValue",
                        v.stringValue(), "dataType", v.dataType(), "stringListValues", List.of(),
                        "binaryListValues", List.of())));
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("messageId", m.messageId());
                r.put("receiptHandle", m.receiptHandle());
                r.put("body", m.body());
                r.put("attributes", attributes);
                r.put("messageAttributes", messageAttributes);
                r.put("md5OfBody", m.md5OfBody());
                r.put("eventSource", "aws:sqs");
                r.put("eventSourceARN", arn);
                r.put("awsRegion", "us-east-1");
                records.add(r);
            }
            return JSON.write(Map.of("Records", records));
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
