package dev.allframe.infra.model;

import java.util.Objects;

/**
 * An object bucket.
 *
 * @param name the logical name
 * @param snapshots whether it is the snapshot store (its name is passed as {@code SNAPSHOT_BUCKET})
 */
public record Bucket(String name, boolean snapshots) {
    /** Checks for nulls. */
    public Bucket {
        Objects.requireNonNull(name, "name");
    }
}
