package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.eventstore.Metadata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQS batches: each message on its own, failures answered as {@code batchItemFailures} so only they are retried.
 * A body that is an SNS notification envelope (a topic fanning out to the queue without raw delivery) is unwrapped:
 * its {@code Message} is the command, its {@code MessageAttributes} may name it.
 * FIFO queues ({@code .fifo} names or messages with a {@code MessageGroupId}) keep order per message group: after a
 * group's first failure its later messages are not dispatched and are reported as failed too, so the queue
 * redelivers the group from the failed message on.
 */
final class QueueDoor {
    private static final System.Logger LOG = System.getLogger(QueueDoor.class.getName());

    private final EventRoutes routes;
    private final CommandDecoder decoder;
    private final CommandDispatcher dispatcher;

    QueueDoor(EventRoutes routes, CommandDecoder decoder, CommandDispatcher dispatcher) {
        this.routes = routes;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
    }

    byte[] sqs(Map<String, Object> event) {
        List<?> records = Json.list(event, "Records", "");
        List<String> failed = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            String path = "Records[" + i + "].";
            Map<String, Object> r = Json.object(records.get(i), "Records[" + i + "]");
            String id = Json.optionalString(r, "messageId");
            if (id == null) {
                // Without an id there is nothing to report back: fail the whole invocation, the batch is retried.
                throw new Json.MalformedRecordException("'" + path + "messageId' must be a string, but is "
                        + Json.describe(r.get("messageId")));
            }
            Map<String, Object> attributes = Json.optionalObject(r, "attributes", path);
            String group = Json.optionalString(attributes, "MessageGroupId");
            String arn = Json.optionalString(r, "eventSourceARN");
            String queue = arn == null ? "" : arn.substring(arn.lastIndexOf(':') + 1);
            boolean fifo = group != null || queue.endsWith(".fifo");
            if (fifo && group != null && failedGroups.contains(group)) {
                LOG.log(System.Logger.Level.INFO, "SQS message " + id + " not processed: an earlier message of"
                        + " FIFO group '" + group + "' failed in this batch");
                failed.add(id);
                continue;
            }
            try {
                String selector = sqsAttribute(r, path);
                String body = Json.optionalString(r, "body");
                String[] envelope = decoder.snsEnvelope(body);
                if (envelope != null) {
                    body = envelope[0];
                    selector = selector != null ? selector : envelope[1];
                }
                Command command = decoder.message("SQS queue", queue, routes.queue(queue), selector, body);
                dispatcher.dispatch("sqs:" + id, command,
                        Metadata.of("message-id", id).with("event-source", "aws:sqs"));
            } catch (RuntimeException e) {
                Failure.report("SQS message " + id + " of queue '" + queue + "'", e);
                failed.add(id);
                if (fifo && group != null) {
                    failedGroups.add(group);
                }
            }
        }
        return Json.batchItemFailures(failed);
    }

    /** SNS invokes one notification at a time; several records are handled alike, and any failure fails them. */
    byte[] sns(Map<String, Object> event) {
        List<?> records = Json.list(event, "Records", "");
        List<String> failed = new ArrayList<>();
        RuntimeException first = null;
        int duplicates = 0;
        for (int i = 0; i < records.size(); i++) {
            String path = "Records[" + i + "].Sns.";
            Map<String, Object> sns = Json.object(Json.object(records.get(i), "Records[" + i + "]").get("Sns"),
                    "Records[" + i + "].Sns");
            String id = Json.string(sns, "MessageId", path);
            String arn = Json.optionalString(sns, "TopicArn");
            String topic = arn == null ? "" : arn.substring(arn.lastIndexOf(':') + 1);
            try {
                Map<String, Object> attributes = Json.optionalObject(sns, "MessageAttributes", path);
                String selector = null;
                Object attr = attributes.get(routes.selectorAttribute());
                if (attr != null) {
                    selector = Json.string(Json.object(attr, path + "MessageAttributes." + routes.selectorAttribute()),
                            "Value", path + "MessageAttributes." + routes.selectorAttribute() + ".");
                }
                Command command = decoder.message("SNS topic", topic, routes.topic(topic), selector,
                        Json.optionalString(sns, "Message"));
                if (dispatcher.dispatch("sns:" + id, command, Metadata.of("message-id", id)
                        .with("event-source", "aws:sns")) == CommandDispatcher.Outcome.DUPLICATE) {
                    duplicates++;
                }
            } catch (RuntimeException e) {
                Failure.report("SNS message " + id + " of topic '" + topic + "'", e);
                failed.add(id);
                first = first == null ? e : first;
            }
        }
        if (!failed.isEmpty()) {
            throw new EventDispatchException("SNS message(s) " + failed + " failed: " + first.getMessage(), failed,
                    first);
        }
        return ("{\"processed\":" + records.size() + ",\"duplicates\":" + duplicates + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String sqsAttribute(Map<String, Object> r, String path) {
        Map<String, Object> attributes = Json.optionalObject(r, "messageAttributes", path);
        Object attr = attributes.get(routes.selectorAttribute());
        if (attr == null) {
            return null;
        }
        String where = path + "messageAttributes." + routes.selectorAttribute();
        return Json.string(Json.object(attr, where), "stringValue", where + ".");
    }
}
