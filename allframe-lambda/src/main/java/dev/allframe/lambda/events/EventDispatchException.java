package dev.allframe.lambda.events;

import java.util.List;

/**
 * An EventBridge, SNS or S3 event that could not be processed. These sources invoke the function asynchronously
 * and have no partial-failure report, so the invocation fails (the runtime reports this class as the
 * {@code errorType}) and Lambda retries the event, then sends it to the function's on-failure destination or DLQ.
 */
public final class EventDispatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> failedIds;

    /**
     * @param message what failed and why
     * @param failedIds the ids of the failed messages or records
     * @param cause the first failure, or {@code null}
     */
    public EventDispatchException(String message, List<String> failedIds, Throwable cause) {
        super(message, cause);
        this.failedIds = List.copyOf(failedIds);
    }

    /** @return the ids of the messages or records that failed */
    public List<String> failedIds() {
        return failedIds;
    }
}
