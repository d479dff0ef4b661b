package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the application's event store. On AWS it is a DynamoDB table (keys {@code PK}/{@code SK}, GSI
 * {@code by-timestamp}, stream with new and old images, point-in-time recovery, TTL for idempotency records); on
 * GCP a Cloud SQL PostgreSQL database.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(EventStore.List.class)
public @interface EventStore {
    /** @return the logical name other annotations refer to; default {@code events} */
    String name() default "events";

    /**
     * @return {@code auto} (DynamoDB on AWS, Cloud SQL PostgreSQL on GCP), {@code dynamodb} or {@code postgresql};
     *         anything else is a compile error
     */
    String provider() default "auto";

    /** @return the physical table name (prefixed by the deployment's name prefix); default: the logical name */
    String table() default "";

    /** @return the DynamoDB billing mode; default on demand */
    BillingMode billingMode() default BillingMode.PAY_PER_REQUEST;

    /** @return whether the change stream is on (needed by projections fed from the table); default true */
    boolean stream() default true;

    /** DynamoDB billing modes. */
    enum BillingMode {
        /** On demand. */
        PAY_PER_REQUEST,
        /** Provisioned capacity (5 read and 5 write units unless the model says otherwise). */
        PROVISIONED
    }

    /** Container of repeated {@link EventStore}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the declarations */
        EventStore[] value();
    }
}
