package dev.allframe.infra.model;

import java.util.Objects;

/**
 * The event store. On AWS a DynamoDB table with the fixed schema below; on GCP a Cloud SQL PostgreSQL database.
 *
 * @param name the logical name
 * @param provider {@code auto}, {@code dynamodb} or {@code postgresql}
 * @param table the physical table (or database) name, without the deployment's name prefix
 * @param billingMode {@code PAY_PER_REQUEST} or {@code PROVISIONED}
 * @param stream whether the change stream is on
 * @param readCapacity read capacity units when provisioned (table and index)
 * @param writeCapacity write capacity units when provisioned (table and index)
 */
public record EventStoreTable(String name, String provider, String table, String billingMode, boolean stream,
                              int readCapacity, int writeCapacity) {
    /** Partition key attribute (string): the stream id. */
    public static final String PARTITION_KEY = "PK";
    /** Sort key attribute (string): the zero-padded version. */
    public static final String SORT_KEY = "SK";
    /** Name of the global secondary index used for reads in global order. */
    public static final String TIMESTAMP_INDEX = "by-timestamp";
    /** Partition key of {@link #TIMESTAMP_INDEX} (string): a time bucket. */
    public static final String TIMESTAMP_INDEX_PARTITION_KEY = "time_bucket";
    /** Sort key of {@link #TIMESTAMP_INDEX} (string): the ISO-8601 timestamp plus a tie breaker. */
    public static final String TIMESTAMP_INDEX_SORT_KEY = "timestamp";
    /** TTL attribute (number, epoch seconds): expires idempotency records. */
    public static final String TTL_ATTRIBUTE = "expires_at";

    /** Checks for nulls. */
    public EventStoreTable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(billingMode, "billingMode");
    }
}
