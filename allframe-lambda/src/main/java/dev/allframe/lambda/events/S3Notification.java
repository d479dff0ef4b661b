package dev.allframe.lambda.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One S3 event notification record, typed.
 *
 * @param eventName the event, for example {@code ObjectCreated:Put} or {@code ObjectRemoved:Delete}
 * @param bucket the bucket's name
 * @param key the object key, URL-decoded (S3 sends keys form-encoded: {@code +} for a space, {@code %xx} escapes)
 * @param size the object's size in bytes; 0 when the event carries none (deletions)
 * @param eTag the object's ETag, or {@code null} (deletions)
 * @param sequencer orders events for one key: compare as hexadecimal of equal length; or {@code null}
 * @param versionId the object version on a versioned bucket, or {@code null}
 * @param eventTime when the event happened
 * @param region the bucket's region
 */
public record S3Notification(String eventName, String bucket, String key, long size, String eTag, String sequencer,
                             String versionId, Instant eventTime, String region) {
    public S3Notification {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }

    /** @return whether the event is an object creation ({@code ObjectCreated:*}) */
    public boolean created() {
        return eventName.startsWith("ObjectCreated:");
    }

    /** @return whether the event is an object removal ({@code ObjectRemoved:*}) */
    public boolean removed() {
        return eventName.startsWith("ObjectRemoved:");
    }
}
