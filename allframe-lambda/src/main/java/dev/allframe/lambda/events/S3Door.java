package dev.allframe.lambda.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** S3 event notifications: each record becomes an {@link S3Notification} for the {@link S3Handler}. */
final class S3Door {
    private final S3Handler handler;

    S3Door(S3Handler handler) {
        this.handler = handler;
    }

    byte[] handle(Map<String, Object> event) {
        List<?> records = Json.list(event, "Records", "");
        List<S3Notification> notifications = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            notifications.add(notification(Json.object(records.get(i), "Records[" + i + "]"), "Records[" + i + "]."));
        }
        for (S3Notification n : notifications) {
            try {
                handler.handle(n);
            } catch (Exception e) {
                String what = "S3 " + n.eventName() + " of s3://" + n.bucket() + "/" + n.key();
                Failure.report(what, e);
                throw new EventDispatchException(what + " failed: " + e.getMessage(),
                        List.of(n.bucket() + "/" + n.key()), e);
            }
        }
        return ("{\"processed\":" + notifications.size() + "}").getBytes(StandardCharsets.UTF_8);
    }

    static S3Notification notification(Map<String, Object> r, String path) {
        Map<String, Object> s3 = Json.object(r.get("s3"), path + "s3");
        Map<String, Object> bucket = Json.object(s3.get("bucket"), path + "s3.bucket");
        Map<String, Object> object = Json.object(s3.get("object"), path + "s3.object");
        String rawKey = Json.string(object, "key", path + "s3.object.");
        String key;
        try {
            key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new dev.allframe.lambda.MalformedEventException("'" + path + "s3.object.key' is not form-encoded"
                    + " as S3 sends keys: '" + rawKey + "' (" + e.getMessage() + ")", e);
        }
        Instant time = null;
        String eventTime = Json.optionalString(r, "eventTime");
        if (eventTime != null) {
            try {
                time = Instant.parse(eventTime);
            } catch (DateTimeParseException e) {
                throw new dev.allframe.lambda.MalformedEventException("'" + path + "eventTime' must be an ISO-8601"
                        + " instant, but is '" + eventTime + "'", e);
            }
        }
        return new S3Notification(Json.string(r, "eventName", path), Json.string(bucket, "name", path + "s3.bucket."),
                key, Json.optionalLong(object, "size", path + "s3.object."), Json.optionalString(object, "eTag"),
                Json.optionalString(object, "sequencer"), Json.optionalString(object, "versionId"), time,
                Json.optionalString(r, "awsRegion"));
    }
}
