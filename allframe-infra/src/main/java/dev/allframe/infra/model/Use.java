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
     * Merges the uses of the components a deployable reaches (its dependency graph) into its uses: one per resource,
     * with the union of the accesses, sorted by resource name so the model is the same whatever the source order.
     *
     * @param uses the uses found on the reached components, in any order, possibly repeating resources
     * @return the merged uses
     */
    public static java.util.List<Use> union(java.util.Collection<Use> uses) {
        java.util.Map<String, EnumSet<Access>> merged = new java.util.TreeMap<>();
        for (Use u : uses) {
            EnumSet<Access> set = merged.computeIfAbsent(u.resource(), r -> EnumSet.noneOf(Access.class));
            set.addAll(u.access());
        }
        return merged.entrySet().stream().map(e -> new Use(e.getKey(), e.getValue())).toList();
    }

    /**
     * @param a an access
     * @return whether this use includes it
     */
    public boolean has(Access a) {
        return access.contains(a);
    }
}
