package dev.allframe.lambda.events;

import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.projection.ProjectionRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB Streams batches of the event table: {@code INSERT} records are decoded back into stored events and
 * pushed to the projections in batch order (Lambda delivers a shard's records in order, and one stream's items
 * share a partition key, so a stream's events stay in order). {@code MODIFY} and {@code REMOVE} records, and the
 * store's own bookkeeping items (partition key starting with {@code $}), are ignored. An event a projection cannot
 * apply, or whose payload cannot be decoded into an event, is parked in the registry's dead letters and the batch
 * goes on ({@link ProjectionRegistry#push(RecordedEvent)}), so a poison record never blocks the shard. A record
 * that is not an event item (a broken attribute), a transient failure that outlasted the retries, or a projection
 * with policy {@code STOP} fails: that record and every record after it are reported in {@code batchItemFailures}
 * by sequence number, so nothing is applied out of order; Lambda retries from the first of them.
 *
 * <p>Item schema, shared with the DynamoDB event store: {@code PK} (S) stream id, {@code SK} (S) version
 * zero-padded to 20 digits, {@code event_type} (S), {@code payload} (S, the event's JSON; or, for a payload that
 * is not valid UTF-8, {@code payload_bytes}, B, base64 in the event), {@code metadata} (S, a
 * JSON object), {@code timestamp} (S, ISO-8601 UTC), {@code global_position} (N, optional: without it the event's
 * global position is {@value #UNKNOWN_POSITION}, which no stored event has, since positions start at 1).
 */
final class StreamDoor<E> {
    /** The global position of a stream record whose item has no {@code global_position}. */
    static final long UNKNOWN_POSITION = 0;

    private static final System.Logger LOG = System.getLogger(StreamDoor.class.getName());

    private final ProjectionRegistry<E> projections;
    private final JsonCodec codec;

    /** @param projections decodes the events (with its event store's types and upcasters) and applies them */
    StreamDoor(ProjectionRegistry<E> projections, JsonCodec codec) {
        this.projections = projections;
        this.codec = codec;
    }

    byte[] handle(Map<String, Object> event) {
        List<?> records = Json.list(event, "Records", "");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String path = "Records[" + i + "].";
            Map<String, Object> r = Json.object(records.get(i), "Records[" + i + "]");
            Map<String, Object> ddb = Json.optionalObject(r, "dynamodb", path);
            String sequence = Json.optionalString(ddb, "SequenceNumber");
            if (sequence == null) {
                throw new Json.MalformedRecordException("'" + path + "dynamodb.SequenceNumber' must be a string,"
                        + " but is " + Json.describe(ddb.get("SequenceNumber")));
            }
            if (!failed.isEmpty()) {
                failed.add(sequence);
                continue;
            }
            if (!"INSERT".equals(r.get("eventName"))) {
                continue;
            }
            try {
                RecordedEvent recorded = decode(Json.optionalObject(ddb, "NewImage", path + "dynamodb."),
                        path + "dynamodb.NewImage.");
                if (recorded != null) {
                    projections.push(recorded); // decoded there: an undecodable event is parked, not retried
                }
            } catch (RuntimeException e) {
                String what = "DynamoDB stream record " + sequence + " (with the " + (records.size() - i - 1)
                        + " record(s) after it, all reported for retry)";
                if (Failure.of(e) == Failure.RETRYABLE) {
                    LOG.log(System.Logger.Level.WARNING, what + " failed: " + e.getMessage(), e);
                } else {
                    Failure.report(what, e);
                }
                failed.add(sequence);
            }
        }
        return Json.batchItemFailures(failed);
    }

    /** @return the event, or {@code null} for the store's bookkeeping items */
    RecordedEvent decode(Map<String, Object> image, String path) {
        if (image.isEmpty()) {
            throw new Json.MalformedRecordException("'" + path.substring(0, path.length() - 1) + "' is missing:"
                    + " the stream must carry new images (StreamViewType NEW_IMAGE or NEW_AND_OLD_IMAGES)");
        }
        String streamId = attribute(image, "PK", "S", path);
        if (streamId.startsWith("$")) {
            return null;
        }
        String sk = attribute(image, "SK", "S", path);
        long version;
        try {
            version = Long.parseLong(sk);
        } catch (NumberFormatException e) {
            throw new Json.MalformedRecordException("'" + path + "SK' must be a zero-padded version, but is '"
                    + sk + "'");
        }
        String type = attribute(image, "event_type", "S", path);
        byte[] payload = payload(image, path);
        Instant timestamp;
        String ts = attribute(image, "timestamp", "S", path);
        try {
            timestamp = Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw new Json.MalformedRecordException("'" + path + "timestamp' must be an ISO-8601 instant, but is '"
                    + ts + "'");
        }
        long position = UNKNOWN_POSITION;
        if (image.get("global_position") != null) {
            String n = attribute(image, "global_position", "N", path);
            try {
                position = Long.parseLong(n);
            } catch (NumberFormatException e) {
                throw new Json.MalformedRecordException("'" + path + "global_position' must be a whole number,"
                        + " but is '" + n + "'");
            }
        }
        Metadata metadata = Metadata.empty();
        if (image.get("metadata") != null) {
            metadata = metadata(attribute(image, "metadata", "S", path), path + "metadata");
        }
        return new RecordedEvent(streamId, version, position, type, payload, metadata, timestamp);
    }

    /**
     * The store writes the payload as text ({@code payload}, S), or, only for bytes that are not valid UTF-8, as
     * binary ({@code payload_bytes}, B, which the Lambda event carries base64-encoded).
     */
    private static byte[] payload(Map<String, Object> image, String path) {
        if (image.get("payload") != null || image.get("payload_bytes") == null) {
            return attribute(image, "payload", "S", path).getBytes(StandardCharsets.UTF_8);
        }
        String base64 = attribute(image, "payload_bytes", "B", path);
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Json.MalformedRecordException("'" + path + "payload_bytes.B' must be base64: "
                    + e.getMessage());
        }
    }

    private Metadata metadata(String json, String path) {
        Object decoded;
        try {
            decoded = codec.read(json.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (JsonCodecException e) {
            throw new Json.MalformedRecordException("'" + path + "' must hold a JSON object: " + e.getMessage());
        }
        Map<String, Object> map = Json.object(decoded, path);
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                throw new Json.MalformedRecordException("'" + path + "' value '" + e.getKey()
                        + "' must be a string, but is " + Json.describe(v));
            }
            if (v != null) {
                values.put(e.getKey(), String.valueOf(v));
            }
        }
        return new Metadata(values);
    }

    private static String attribute(Map<String, Object> image, String name, String kind, String path) {
        Object a = image.get(name);
        if (a == null) {
            throw new Json.MalformedRecordException("'" + path + name + "' is missing");
        }
        return Json.string(Json.object(a, path + name), kind, path + name + ".");
    }
}
