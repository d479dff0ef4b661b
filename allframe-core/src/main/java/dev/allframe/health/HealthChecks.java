package dev.allframe.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A registry of named checks in two groups: <em>liveness</em> (is the process working at all; failing means
 * "restart me") and <em>readiness</em> (can it serve traffic now; failing means "send traffic elsewhere").
 * Immutable and thread-safe once built; {@link Builder} is mutable and not thread-safe.
 */
public final class HealthChecks {
    private static final HealthChecks NONE = new HealthChecks(List.of(), List.of());

    private final List<Named> liveness;
    private final List<Named> readiness;

    private HealthChecks(List<Named> liveness, List<Named> readiness) {
        this.liveness = liveness;
        this.readiness = readiness;
    }

    /** @return a registry without checks: every report is up */
    public static HealthChecks none() {
        return NONE;
    }

    /** @return a new, empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the liveness checks' report */
    public HealthReport liveness() {
        return run(liveness, List.of());
    }

    /** @return the readiness checks' report */
    public HealthReport readiness() {
        return run(readiness, List.of());
    }

    /** @return a report over every check, liveness first */
    public HealthReport all() {
        return run(liveness, readiness);
    }

    /**
     * @param name a check's name
     * @param check the check
     * @return a copy with an extra readiness check (doors add their own, such as "not draining")
     * @throws IllegalArgumentException if a check of that name exists
     */
    public HealthChecks withReadiness(String name, HealthCheck check) {
        Builder b = builder();
        liveness.forEach(n -> b.liveness(n.name, n.check));
        readiness.forEach(n -> b.readiness(n.name, n.check));
        return b.readiness(name, check).build();
    }

    private static HealthReport run(List<Named> first, List<Named> second) {
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        boolean up = true;
        for (List<Named> group : List.of(first, second)) {
            for (Named n : group) {
                HealthCheck.Result r = runOne(n.check);
                results.put(n.name, r);
                up &= r.healthy();
            }
        }
        return new HealthReport(up, results);
    }

    private static HealthCheck.Result runOne(HealthCheck check) {
        try {
            HealthCheck.Result r = check.check();
            return r != null ? r : HealthCheck.Result.down("the check returned no result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheck.Result.down("interrupted");
        } catch (Exception e) {
            String message = e.getMessage();
            return HealthCheck.Result.down(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
    }

    private record Named(String name, HealthCheck check) {
    }

    /** A mutable, not thread-safe builder of {@link HealthChecks}. Names are unique across both groups. */
    public static final class Builder {
        private final List<Named> liveness = new ArrayList<>();
        private final List<Named> readiness = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name a unique, non-empty name shown in reports
         * @param check the check
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or already registered
         */
        public Builder liveness(String name, HealthCheck check) {
            liveness.add(named(name, check));
            return this;
        }

        /**
         * @param name a unique, non-empty name shown in reports
         * @param check the check
         * @return this builder
         * @throws IllegalArgumentException if the name is empty or already registered
         */
        public Builder readiness(String name, HealthCheck check) {
            readiness.add(named(name, check));
            return this;
        }

        /** @return the immutable registry */
        public HealthChecks build() {
            return new HealthChecks(List.copyOf(liveness), List.copyOf(readiness));
        }

        private Named named(String name, HealthCheck check) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(check, "check");
            if (name.isBlank()) {
                throw new IllegalArgumentException("health check name (expected non-blank): '" + name + "'");
            }
            boolean taken = liveness.stream().anyMatch(n -> n.name.equals(name))
                    || readiness.stream().anyMatch(n -> n.name.equals(name));
            if (taken) {
                throw new IllegalArgumentException("health check '" + name + "' is already registered");
            }
            return new Named(name, check);
        }
    }
}
