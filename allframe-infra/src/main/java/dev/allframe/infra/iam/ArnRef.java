package dev.allframe.infra.iam;

import java.util.Objects;

/**
 * A resource in a policy, by reference to a generated resource rather than by a literal ARN (the writer turns it
 * into a Terraform expression such as {@code "${aws_dynamodb_table.events.arn}/index/by-timestamp"}).
 *
 * @param kind the kind of resource
 * @param name the logical name of the resource (for {@link Kind#LOG_GROUP}: the function)
 * @param suffix appended to the ARN: {@code ""}, {@code "/index/NAME"}, {@code "/*"} (bucket objects) or
 *               {@code ":*"} (the log streams of a log group)
 */
public record ArnRef(Kind kind, String name, String suffix) {
    /** Kinds of referenced resources. */
    public enum Kind {
        /** A DynamoDB table. */
        TABLE,
        /** A DynamoDB table's stream. */
        TABLE_STREAM,
        /** An SQS queue. */
        QUEUE,
        /** An EventBridge bus. */
        BUS,
        /** An S3 bucket. */
        BUCKET,
        /** A function's CloudWatch log group. */
        LOG_GROUP
    }

    /** Checks for nulls. */
    public ArnRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suffix, "suffix");
    }

    /**
     * @param kind the kind
     * @param name the logical name
     * @return a reference to the resource itself
     */
    public static ArnRef of(Kind kind, String name) {
        return new ArnRef(kind, name, "");
    }

    /** @return a readable form for messages and tests: {@code table/events/index/by-timestamp} */
    @Override
    public String toString() {
        String k = switch (kind) {
            case TABLE -> "table";
            case TABLE_STREAM -> "stream";
            case QUEUE -> "queue";
            case BUS -> "bus";
            case BUCKET -> "bucket";
            case LOG_GROUP -> "log-group";
        };
        return k + "/" + name + suffix;
    }
}
