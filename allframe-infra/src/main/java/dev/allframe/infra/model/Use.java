package dev.allframe.infra.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A deployable's use of a resource, the union of the {@code @Uses} found in its dependency graph.
 *
 * @param resource the resource's logical name
 * @param access the accesses, at least one
 */
public record Use(String resource, Set<Access> access) {
    /** Checks for nulls and copies the set. */
    public Use {
        Objects.requireNonNull(resource, "resource");
        access = access.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(access));
    }

    /**
     * @param a an access
     * @return whether this use includes it
     */
    public boolean has(Access a) {
        return access.contains(a);
    }
}
