package dev.allframe.lambda.events;

/**
 * Receives S3 event notifications, one record at a time. S3 delivers at least once: an implementation should be
 * idempotent (the {@link S3Notification#sequencer()} tells a later event on a key from an earlier one).
 */
@FunctionalInterface
public interface S3Handler {
    /**
     * @param notification the notification
     * @throws Exception to fail the invocation, so Lambda retries the event
     */
    void handle(S3Notification notification) throws Exception;
}
