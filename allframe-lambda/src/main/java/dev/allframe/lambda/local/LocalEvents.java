package dev.allframe.lambda.local;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.http.HttpException;
import dev.allframe.http.QueryParams;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonStrings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the Lambda event JSON that SQS, SNS, EventBridge, S3 and DynamoDB Streams would send, from the local
 * shortcuts' path, query and body, in the formats of the AWS documentation (and of the fixtures the doors are tested
 * with). Message bodies and EventBridge details are embedded as they were sent, never decoded and re-encoded, so
 * numbers and field order reach the command decoder unchanged. Bad input is a 400 naming the parameter.
 */
final class LocalEvents {
    private static final String ACCOUNT = "000000000000";
    /** The DynamoDB event store's sort key: the version, zero-padded to 20 digits. */
    private static final String SK_FORMAT = "%020d";

    private final JsonCodec codec = JsonCodecs.defaultCodec();
    private final String region;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    LocalEvents() {
        String r = System.getenv("AWS_REGION");
        this.region = r == null || r.isBlank() ? "us-east-1" : r;
    }

    /** An event and the ids of its messages, in order. */
    record Built(byte[] event, List<String> ids) {
    }

    Built sqs(String queue, byte[] body, QueryParams query) {
        List<String> bodies = messages(body);
        List<String> ids = ids(query.all("messageId"), bodies.size());
        Map<String, String> attributes = attributes(query);
        String group = single(query, "group").orElse(queue.endsWith(".fifo") ? "local" : null);
        String now = Long.toString(System.currentTimeMillis());
        StringBuilder sb = new StringBuilder(256 + body.length * 2).append("{\"Records\":[");
        for (int i = 0; i < bodies.size(); i++) {
            String text = bodies.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"messageId\":");
            quote(sb, ids.get(i)).append(",\"receiptHandle\":");
            quote(sb, "local-" + ids.get(i)).append(",\"body\":");
            quote(sb, text).append(",\"attributes\":{\"ApproximateReceiveCount\":\"1\",\"SentTimestamp\":\"")
                    .append(now).append("\",\"SenderId\":\"local\",\"ApproximateFirstReceiveTimestamp\":\"")
                    .append(now).append('"');
            if (group != null) {
                sb.append(",\"MessageGroupId\":");
                quote(sb, group).append(",\"MessageDeduplicationId\":");
                quote(sb, ids.get(i)).append(",\"SequenceNumber\":\"").append(sequence.incrementAndGet()).append('"');
            }
            sb.append("},\"messageAttributes\":{");
            int n = 0;
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                sb.append(n++ == 0 ? "" : ",");
                quote(sb, a.getKey()).append(":{\"stringValue\":");
                quote(sb, a.getValue()).append(",\"stringListValues\":[],\"binaryListValues\":[],"
                        + "\"dataType\":\"String\"}");
            }
            sb.append("},\"md5OfBody\":\"").append(md5(text.getBytes(StandardCharsets.UTF_8)))
                    .append("\",\"eventSource\":\"aws:sqs\",\"eventSourceARN\":");
            quote(sb, "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + queue).append(",\"awsRegion\":");
            quote(sb, region).append('}');
        }
        return new Built(sb.append("]}").toString().getBytes(StandardCharsets.UTF_8), ids);
    }

    byte[] sns(String topic, byte[] body, QueryParams query) {
        String message = text(body, "the SNS message");
        String id = single(query, "messageId").orElseGet(() -> UUID.randomUUID().toString());
        String arn = "arn:aws:sns:" + region + ":" + ACCOUNT + ":" + topic;
        StringBuilder sb = new StringBuilder(512 + message.length()).append("{\"Records\":[{\"EventSource\":\"aws:sns\","
                + "\"EventVersion\":\"1.0\",\"EventSubscriptionArn\":");
        quote(sb, arn + ":local").append(",\"Sns\":{\"Type\":\"Notification\",\"MessageId\":");
        quote(sb, id).append(",\"TopicArn\":");
        quote(sb, arn).append(",\"Subject\":");
        String subject = single(query, "subject").orElse(null);
        if (subject == null) {
            sb.append("null");
        } else {
            quote(sb, subject);
        }
        sb.append(",\"Message\":");
        quote(sb, message).append(",\"Timestamp\":");
        quote(sb, Instant.now().toString()).append(",\"SignatureVersion\":\"1\",\"Signature\":\"local\","
                + "\"SigningCertUrl\":\"\",\"UnsubscribeUrl\":\"\",\"MessageAttributes\":{");
        int n = 0;
        for (Map.Entry<String, String> a : attributes(query).entrySet()) {
            sb.append(n++ == 0 ? "" : ",");
            quote(sb, a.getKey()).append(":{\"Type\":\"String\",\"Value\":");
            quote(sb, a.getValue()).append('}');
        }
        return sb.append("}}}]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] eventBridge(byte[] body, QueryParams query) {
        String source = required(query, "source");
        String detailType = required(query, "detailType");
        String detail = text(body, "the EventBridge detail").strip();
        if (!(decode(detail, "the EventBridge detail (the request body)") instanceof Map<?, ?>)) {
            throw HttpException.badRequest("the EventBridge detail (the request body) must be a JSON object");
        }
        StringBuilder sb = new StringBuilder(256 + detail.length()).append("{\"version\":\"0\",\"id\":");
        quote(sb, single(query, "id").orElseGet(() -> UUID.randomUUID().toString())).append(",\"detail-type\":");
        quote(sb, detailType).append(",\"source\":");
        quote(sb, source).append(",\"account\":\"" + ACCOUNT + "\",\"time\":");
        quote(sb, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).append(",\"region\":");
        quote(sb, region).append(",\"resources\":[],\"detail\":").append(detail).append('}');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] s3(String bucket, String key, byte[] body, QueryParams query) {
        if (key == null || key.isEmpty()) {
            throw HttpException.badRequest("the S3 object key is missing: POST /_allframe/events/s3/BUCKET/KEY");
        }
        String eventName = single(query, "event").orElse("ObjectCreated:Put");
        if (!eventName.matches("(ObjectCreated|ObjectRemoved|ObjectRestore|ObjectTagging|ObjectAcl|Replication"
                + "|LifecycleExpiration|LifecycleTransition|IntelligentTiering|ReducedRedundancyLostObject):\\w+")) {
            throw HttpException.badRequest("event (expected an S3 event name such as ObjectCreated:Put or"
                    + " ObjectRemoved:Delete): '" + eventName + "'");
        }
        // S3 sends keys form-encoded, with '/' kept; the door decodes them back.
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        StringBuilder sb = new StringBuilder(1024).append("{\"Records\":[{\"eventVersion\":\"2.1\","
                + "\"eventSource\":\"aws:s3\",\"awsRegion\":");
        quote(sb, region).append(",\"eventTime\":");
        quote(sb, Instant.now().toString()).append(",\"eventName\":");
        quote(sb, eventName).append(",\"userIdentity\":{\"principalId\":\"local\"},\"requestParameters\":"
                + "{\"sourceIPAddress\":\"127.0.0.1\"},\"responseElements\":{\"x-amz-request-id\":\"local\","
                + "\"x-amz-id-2\":\"local\"},\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"local\","
                + "\"bucket\":{\"name\":");
        quote(sb, bucket).append(",\"ownerIdentity\":{\"principalId\":\"local\"},\"arn\":");
        quote(sb, "arn:aws:s3:::" + bucket).append("},\"object\":{\"key\":");
        quote(sb, encodedKey);
        if (eventName.startsWith("ObjectCreated")) {
            sb.append(",\"size\":").append(body.length).append(",\"eTag\":\"").append(md5(body)).append('"');
        }
        single(query, "versionId").ifPresent(v -> quote(sb.append(",\"versionId\":"), v));
        sb.append(",\"sequencer\":\"").append(String.format("%016X", sequence.incrementAndGet())).append("\"}}}]}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The store's events as INSERT records of the event table's stream, in the DynamoDB event store's schema. */
    byte[] dynamoDb(EventStoreBackend store, QueryParams query) {
        int limit = (int) number(query, "limit", 1000, 1, 10_000);
        List<RecordedEvent> events;
        String stream = single(query, "stream").orElse(null);
        if (stream != null) {
            if (query.first("from").isPresent()) {
                throw HttpException.badRequest("give either stream or from, not both");
            }
            events = store.read(stream, 1);
            events = events.subList(0, Math.min(limit, events.size()));
        } else {
            events = store.readAll(number(query, "from", 1, 0, Long.MAX_VALUE), limit);
        }
        if (events.isEmpty()) {
            throw HttpException.notFound(stream != null ? "no events in stream '" + stream + "'"
                    : "no events at or after global position " + query.first("from").orElse("1"));
        }
        String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/events/stream/local";
        StringBuilder sb = new StringBuilder(512 * events.size()).append("{\"Records\":[");
        for (int i = 0; i < events.size(); i++) {
            RecordedEvent e = events.get(i);
            String sk = String.format(SK_FORMAT, e.version());
            sb.append(i == 0 ? "" : ",").append("{\"eventID\":");
            quote(sb, UUID.randomUUID().toString()).append(",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
                    + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":");
            quote(sb, region).append(",\"dynamodb\":{\"ApproximateCreationDateTime\":")
                    .append(e.timestamp().getEpochSecond()).append(",\"Keys\":{\"PK\":{\"S\":");
            quote(sb, e.streamId()).append("},\"SK\":{\"S\":\"").append(sk).append("\"}},\"NewImage\":{\"PK\":{\"S\":");
            quote(sb, e.streamId()).append("},\"SK\":{\"S\":\"").append(sk).append("\"},\"event_type\":{\"S\":");
            quote(sb, e.type()).append("},\"payload\":{\"S\":");
            quote(sb, new String(e.payload(), StandardCharsets.UTF_8)).append("},\"metadata\":{\"S\":");
            quote(sb, new String(codec.write(e.metadata().values()), StandardCharsets.UTF_8))
                    .append("},\"timestamp\":{\"S\":");
            quote(sb, e.timestamp().toString()).append("},\"global_position\":{\"N\":\"")
                    .append(e.globalPosition()).append("\"}},\"SequenceNumber\":\"")
                    .append(String.format("%021d", e.globalPosition())).append("\",\"SizeBytes\":")
                    .append(e.payload().length + 100).append(",\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
                            + "\"eventSourceARN\":");
            quote(sb, arn).append('}');
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One message body, or the elements of a JSON array of them (strings as they are, others as their JSON). */
    private List<String> messages(byte[] body) {
        String text = text(body, "the SQS message body").strip();
        if (!text.startsWith("[")) {
            return List.of(text);
        }
        decode(text, "the JSON array of SQS message bodies");
        List<String> out = new ArrayList<>();
        for (String element : JsonArrays.elements(text)) {
            out.add(element.startsWith("\"") ? (String) decode(element, "a message body") : element);
        }
        if (out.isEmpty()) {
            throw HttpException.badRequest("the JSON array of SQS message bodies is empty; send at least one");
        }
        return out;
    }

    private static List<String> ids(List<String> given, int count) {
        if (given.isEmpty()) {
            List<String> ids = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ids.add(UUID.randomUUID().toString());
            }
            return ids;
        }
        if (given.size() != count) {
            throw HttpException.badRequest("messageId is given " + given.size() + " time(s) for " + count
                    + " message(s); give one per message, in order, or none");
        }
        if (given.stream().distinct().count() != count || given.stream().anyMatch(String::isBlank)) {
            throw HttpException.badRequest("messageId values must be distinct and not blank: " + given);
        }
        return given;
    }

    private static Map<String, String> attributes(QueryParams query) {
        Map<String, String> out = new LinkedHashMap<>();
        single(query, "commandType").ifPresent(v -> out.put("command-type", v));
        for (String a : query.all("attribute")) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw HttpException.badRequest("attribute (expected NAME=VALUE): '" + a + "'");
            }
            out.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return out;
    }

    private static java.util.Optional<String> single(QueryParams query, String name) {
        List<String> values = query.all(name);
        if (values.size() > 1) {
            throw HttpException.badRequest(name + " is given " + values.size() + " times; give it once");
        }
        return values.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(values.get(0));
    }

    private static String required(QueryParams query, String name) {
        String v = single(query, name).orElse("");
        if (v.isBlank()) {
            throw HttpException.badRequest("the query parameter '" + name + "' is required, e.g. "
                    + "/_allframe/events/eventbridge?source=com.example.shop&detailType=OrderPlaced");
        }
        return v;
    }

    private static long number(QueryParams query, String name, long otherwise, long min, long max) {
        String v = single(query, name).orElse(null);
        if (v == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw HttpException.badRequest(name + " (expected a whole number " + min + ".." + max + "): '" + v + "'");
    }

    private static String text(byte[] body, String what) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw HttpException.badRequest(what + " is empty; send it as the request body");
        }
        return text;
    }

    private Object decode(String json, String what) {
        try {
            return codec.read(json.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (JsonCodecException e) {
            throw HttpException.badRequest(what + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    static StringBuilder quote(StringBuilder sb, String s) {
        return JsonStrings.quote(sb, s);
    }
}
