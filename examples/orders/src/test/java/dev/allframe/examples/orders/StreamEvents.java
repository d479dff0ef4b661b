package dev.allframe.examples.orders;

import dev.allframe.json.JsonCodecs;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps records read through the DynamoDB Streams API into the event a Lambda function receives from a DynamoDB
 * event source mapping: {@code {"Records":[{"eventID","eventName","eventVersion","eventSource":"aws:dynamodb",
 * "awsRegion","dynamodb":{"ApproximateCreationDateTime","Keys","NewImage","OldImage","SequenceNumber","SizeBytes",
 * "StreamViewType"},"eventSourceARN"}]}}}, attribute values in DynamoDB's JSON form ({@code {"S":...}},
 * {@code {"N":"..."}}, {@code {"B":"base64"}}, {@code {"M":{...}}}, ...).
 */
final class StreamEvents {
    private StreamEvents() {
    }

    static String lambdaEvent(List<Record> records, String streamArn) {
        List<Object> out = new ArrayList<>();
        for (Record r : records) {
            StreamRecord s = r.dynamodb();
            Map<String, Object> ddb = new LinkedHashMap<>();
            if (s.approximateCreationDateTime() != null) {
                ddb.put("ApproximateCreationDateTime", (double) s.approximateCreationDateTime().getEpochSecond());
            }
            ddb.put("Keys", image(s.keys()));
            if (s.hasNewImage()) {
                ddb.put("NewImage", image(s.newImage()));
            }
            if (s.hasOldImage()) {
                ddb.put("OldImage", image(s.oldImage()));
            }
            ddb.put("SequenceNumber", s.sequenceNumber());
            ddb.put("SizeBytes", s.sizeBytes());
            ddb.put("StreamViewType", s.streamViewTypeAsString());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("eventID", r.eventID());
            record.put("eventName", r.eventNameAsString());
            record.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
            record.put("eventSource", "aws:dynamodb");
            record.put("awsRegion", r.awsRegion() == null ? "us-east-1" : r.awsRegion());
            record.put("dynamodb", ddb);
            record.put("eventSourceARN", streamArn);
            out.add(record);
        }
        return new String(JsonCodecs.defaultCodec().write(Map.of("Records", out)), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> image(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, value(value)));
        return out;
    }

    private static Map<String, Object> value(AttributeValue v) {
        return switch (v.type()) {
            case S -> Map.of("S", v.s());
            case N -> Map.of("N", v.n());
            case B -> Map.of("B", base64(v.b()));
            case BOOL -> Map.of("BOOL", v.bool());
            case NUL -> Map.of("NULL", true);
            case M -> Map.of("M", image(v.m()));
            case L -> Map.of("L", v.l().stream().map(StreamEvents::value).toList());
            case SS -> Map.of("SS", v.ss());
            case NS -> Map.of("NS", v.ns());
            case BS -> Map.of("BS", v.bs().stream().map(StreamEvents::base64).toList());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown attribute type: " + v);
        };
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
