package dev.allframe.infra.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Cloud Run (v2) service running the application's HTTP server.
 *
 * @param name the logical name
 * @param port the container port
 * @param cpu CPU limit ({@code "1"})
 * @param memory memory limit ({@code "512Mi"})
 * @param minInstances minimum instances
 * @param maxInstances maximum instances
 * @param concurrency requests per instance
 * @param startupPath the startup probe's path
 * @param livenessPath the liveness probe's path
 * @param environment extra environment variables
 * @param subscriptions event sources (Pub/Sub push subscriptions)
 * @param uses resources used, from the dependency graph
 */
public record CloudRunService(String name, int port, String cpu, String memory, int minInstances, int maxInstances,
                              int concurrency, String startupPath, String livenessPath,
                              Map<String, String> environment, List<Subscription> subscriptions, List<Use> uses) {
    /** Checks for nulls and copies the collections. */
    public CloudRunService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(startupPath, "startupPath");
        Objects.requireNonNull(livenessPath, "livenessPath");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        subscriptions = List.copyOf(subscriptions);
        uses = List.copyOf(uses);
    }
}
