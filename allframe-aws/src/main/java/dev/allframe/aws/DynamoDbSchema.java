package dev.allframe.aws;

import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.json.JsonCodecs;
import io.avaje.jsonb.Types;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-table item schema shared by the event store and the DynamoDB Streams door (documented in the module
 * README; do not change one side alone). Event items: {@code PK} stream id, {@code SK} the version zero-padded to 20
 * digits, {@code event_type}, {@code payload} (JSON text), {@code metadata} (JSON object text), {@code timestamp}
 * (ISO-8601 UTC, milliseconds), {@code global_position} (N) and {@code time_bucket} (the global-order index key); the last two only in global
 * order mode {@link GlobalOrder#COUNTER} (without them an event's global position reads as 0).
 * Every other item has a {@code PK} starting with {@value #RESERVED_PREFIX}.
 */
public final class DynamoDbSchema {
    /** Partition key (S): the stream id. */
    public static final String PK = "PK";
    /** Sort key (S): the version, zero-padded to 20 digits. */
    public static final String SK = "SK";
    /** The stable event type name (S). */
    public static final String EVENT_TYPE = "event_type";
    /** The payload as UTF-8 text (S), present when the payload is valid UTF-8 (always for JSON events). */
    public static final String PAYLOAD = "payload";
    /** The payload as bytes (B), present instead of {@link #PAYLOAD} only when the payload is not valid UTF-8. */
    public static final String PAYLOAD_BYTES = "payload_bytes";
    /** Metadata as a JSON object of strings (S). */
    public static final String METADATA = "metadata";
    /** Append time (S), ISO-8601 UTC with milliseconds: {@code 2026-11-27T05:41:00.123Z}. */
    public static final String TIMESTAMP = "timestamp";
    /** The event's global position (N), assigned at append time, gap-free from 1. */
    public static final String GLOBAL_POSITION = "global_position";
    /** Partition key (S) of the global-order index: {@code p} + (global position / {@value #BUCKET_SIZE}). */
    public static final String TIME_BUCKET = "time_bucket";
    /** The global secondary index that serves reads in global order (name fixed by the generated Terraform). */
    public static final String INDEX = "by-timestamp";
    /** TTL attribute (N, epoch seconds) of idempotency records. */
    public static final String EXPIRES_AT = "expires_at";
    /** Items that are not events have a partition key starting with this; a stream id may not. */
    public static final String RESERVED_PREFIX = "$";
    /** The partition (and sort) key of the global-position counter item. */
    public static final String COUNTER_KEY = "$global";
    /** The counter item's attribute (N): the last global position handed out. */
    public static final String COUNTER_HEAD = "head";
    /** Positions per {@link #TIME_BUCKET} value. */
    public static final long BUCKET_SIZE = 100;

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Type STRING_MAP = Types.mapOf(String.class);

    private DynamoDbSchema() {
    }

    /**
     * @param version a stream version, at least 1
     * @return the sort key: the version zero-padded to 20 digits
     */
    public static String sortKey(long version) {
        String digits = Long.toString(version);
        return "0".repeat(20 - digits.length()) + digits;
    }

    /**
     * @param position a global position
     * @return the {@link #TIME_BUCKET} value that holds it
     */
    public static String bucket(long position) {
        return "p" + (position / BUCKET_SIZE);
    }

    /**
     * @param instant a time
     * @return it in the {@link #TIMESTAMP} format
     */
    public static String timestamp(Instant instant) {
        return TIMESTAMP_FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> eventItem(RecordedEvent e) {
        return eventItem(e, true);
    }

    /** @param positioned whether to write the global position and its index key (global order mode counter) */
    static Map<String, AttributeValue> eventItem(RecordedEvent e, boolean positioned) {
        Map<String, AttributeValue> item = new HashMap<>(12);
        item.put(PK, s(e.streamId()));
        item.put(SK, s(sortKey(e.version())));
        item.put(EVENT_TYPE, s(e.type()));
        String text = utf8(e.payload());
        if (text != null) {
            item.put(PAYLOAD, s(text));
        } else {
            item.put(PAYLOAD_BYTES, AttributeValue.fromB(SdkBytes.fromByteArray(e.payload())));
        }
        item.put(METADATA, s(writeMetadata(e.metadata())));
        item.put(TIMESTAMP, s(timestamp(e.timestamp())));
        if (positioned) {
            item.put(GLOBAL_POSITION, n(e.globalPosition()));
            item.put(TIME_BUCKET, s(bucket(e.globalPosition())));
        }
        return item;
    }

    static RecordedEvent event(Map<String, AttributeValue> item) {
        AttributeValue text = item.get(PAYLOAD);
        byte[] payload = text != null ? text.s().getBytes(StandardCharsets.UTF_8)
                : item.get(PAYLOAD_BYTES).b().asByteArray();
        AttributeValue metadata = item.get(METADATA);
        AttributeValue position = item.get(GLOBAL_POSITION);
        return new RecordedEvent(item.get(PK).s(), Long.parseLong(item.get(SK).s()),
                position == null ? 0 : Long.parseLong(position.n()), item.get(EVENT_TYPE).s(), payload,
                metadata == null ? Metadata.empty() : readMetadata(metadata.s()),
                Instant.parse(item.get(TIMESTAMP).s()));
    }

    /** @return the text if the bytes are well-formed UTF-8, else {@code null} */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String writeMetadata(Metadata metadata) {
        if (metadata.isEmpty()) {
            return "{}";
        }
        return new String(JsonCodecs.defaultCodec().write(metadata.values()), StandardCharsets.UTF_8);
    }

    static Metadata readMetadata(String json) {
        if (json == null || json.equals("{}")) {
            return Metadata.empty();
        }
        Map<String, String> values = JsonCodecs.defaultCodec().read(json.getBytes(StandardCharsets.UTF_8),
                STRING_MAP);
        return new Metadata(values);
    }
}
