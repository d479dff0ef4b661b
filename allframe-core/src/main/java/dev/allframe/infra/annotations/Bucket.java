package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an object bucket, typically the snapshot store: S3 with versioning, encryption and a public access
 * block on AWS.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Bucket.List.class)
public @interface Bucket {
    /** @return the logical name: lower-case letters, digits and hyphens, starting with a letter */
    String name();

    /** @return whether this bucket holds snapshots (its name is then passed as {@code SNAPSHOT_BUCKET}); default true */
    boolean snapshots() default true;

    /** Container of repeated {@link Bucket}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** @return the declarations */
        Bucket[] value();
    }
}
