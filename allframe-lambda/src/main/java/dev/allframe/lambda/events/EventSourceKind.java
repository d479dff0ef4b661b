package dev.allframe.lambda.events;

/** The non-HTTP invocation payloads the Lambda door recognises. */
public enum EventSourceKind {
    /** An EventBridge event ({@code source}, {@code detail-type}, {@code detail}). */
    EVENTBRIDGE,
    /** An SQS batch ({@code Records[].eventSource = "aws:sqs"}). */
    SQS,
    /** An SNS notification ({@code Records[].EventSource = "aws:sns"}). */
    SNS,
    /** A DynamoDB Streams batch ({@code Records[].eventSource = "aws:dynamodb"}). */
    DYNAMODB_STREAMS,
    /** An S3 event notification ({@code Records[].eventSource = "aws:s3"}). */
    S3;

    /**
     * Recognises an event by its shape.
     *
     * @param event a decoded JSON event (maps, lists, strings, numbers)
     * @return its kind, or {@code null} if it is none of these (an HTTP event, or something unknown)
     */
    public static EventSourceKind of(Object event) {
        if (!(event instanceof java.util.Map<?, ?> map)) {
            return null;
        }
        if (map.get("detail-type") instanceof String && map.containsKey("detail") && map.get("source") instanceof String) {
            return EVENTBRIDGE;
        }
        if (map.get("Records") instanceof java.util.List<?> records && !records.isEmpty()
                && records.get(0) instanceof java.util.Map<?, ?> first) {
            Object source = first.get("eventSource");
            if (source == null) {
                source = first.get("EventSource");
            }
            if (source instanceof String s) {
                return switch (s) {
                    case "aws:sqs" -> SQS;
                    case "aws:sns" -> SNS;
                    case "aws:dynamodb" -> DYNAMODB_STREAMS;
                    case "aws:s3" -> S3;
                    default -> null;
                };
            }
        }
        return null;
    }
}
