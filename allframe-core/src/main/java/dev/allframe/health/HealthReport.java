package dev.allframe.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of running a set of checks: up only when every check is up; degraded when it is up and some check is
 * degraded ({@link HealthCheck.Result#degraded(String)}).
 *
 * @param up whether every check is up
 * @param checks each check's name to its result, in registration order
 */
public record HealthReport(boolean up, Map<String, HealthCheck.Result> checks) {
    public HealthReport {
        Objects.requireNonNull(checks, "checks");
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** @return whether the report is up with at least one degraded check */
    public boolean degraded() {
        return up && checks.values().stream().anyMatch(HealthCheck.Result::degraded);
    }

    /** @return the HTTP status a probe endpoint answers with: 200 when up (degraded or not), 503 when down */
    public int httpStatus() {
        return up ? 200 : 503;
    }

    /**
     * @return the report as JSON-ready maps: {@code {"status":"UP","checks":{"db":{"status":"UP"}}}}; a status is
     *         {@code UP}, {@code DEGRADED} or {@code DOWN}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> each = new LinkedHashMap<>();
        checks.forEach((name, result) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("status", !result.healthy() ? "DOWN" : result.degraded() ? "DEGRADED" : "UP");
            if (result.detail() != null) {
                one.put("detail", result.detail());
            }
            each.put(name, one);
        });
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("status", !up ? "DOWN" : degraded() ? "DEGRADED" : "UP");
        map.put("checks", each);
        return map;
    }
}
