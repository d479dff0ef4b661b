package dev.allframe.infra.model;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for single values, shared by {@link InfraValidator} and the annotation processor (which reports a
 * failed rule as a compile error on the annotated element). Each check returns the message, or empty if the value
 * is allowed.
 */
public final class InfraRules {
    private InfraRules() {
    }

    /** Smallest Lambda memory in MiB. */
    public static final int MIN_MEMORY = 128;
    /** Largest Lambda memory in MiB. */
    public static final int MAX_MEMORY = 10240;
    /** Longest Lambda timeout in seconds. */
    public static final int MAX_TIMEOUT = 900;
    /** Longest SQS visibility timeout in seconds. */
    public static final int MAX_VISIBILITY_TIMEOUT = 43200;
    /** Event store providers. */
    public static final Set<String> EVENT_STORE_PROVIDERS = Set.of("auto", "dynamodb", "postgresql");
    /** Queue providers. */
    public static final Set<String> QUEUE_PROVIDERS = Set.of("auto", "sqs", "pubsub");
    /** Bus providers. */
    public static final Set<String> BUS_PROVIDERS = Set.of("auto", "eventbridge", "pubsub");
    /** Retention periods CloudWatch Logs accepts. */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DETAIL_TYPE = Pattern.compile("[^\\p{Cntrl}]{1,128}");

    /**
     * @param name a logical resource name
     * @return the problem, if any
     */
    public static Optional<String> checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith("-") || name.contains("--")) {
            return Optional.of("name \"" + name + "\" must be 1..40 lower-case letters, digits and single hyphens,"
                    + " starting with a letter and not ending with a hyphen");
        }
        return Optional.empty();
    }

    /**
     * @param memory Lambda memory in MiB
     * @return the problem, if any
     */
    public static Optional<String> checkMemory(int memory) {
        return memory < MIN_MEMORY || memory > MAX_MEMORY
                ? Optional.of("memory " + memory + " MiB is outside " + MIN_MEMORY + ".." + MAX_MEMORY)
                : Optional.empty();
    }

    /**
     * @param timeout Lambda timeout in seconds
     * @return the problem, if any
     */
    public static Optional<String> checkTimeout(int timeout) {
        return timeout < 1 || timeout > MAX_TIMEOUT
                ? Optional.of("timeout " + timeout + " s is outside 1.." + MAX_TIMEOUT)
                : Optional.empty();
    }

    /**
     * @param maxReceives receives before a message goes to the dead-letter queue
     * @return the problem, if any
     */
    public static Optional<String> checkMaxReceives(int maxReceives) {
        return maxReceives < 1 || maxReceives > 1000
                ? Optional.of("dlqMaxReceives " + maxReceives + " is outside 1..1000")
                : Optional.empty();
    }

    /**
     * @param seconds a queue's visibility timeout
     * @return the problem, if any
     */
    public static Optional<String> checkVisibilityTimeout(int seconds) {
        return seconds < 0 || seconds > MAX_VISIBILITY_TIMEOUT
                ? Optional.of("visibilityTimeout " + seconds + " s is outside 0.." + MAX_VISIBILITY_TIMEOUT)
                : Optional.empty();
    }

    /**
     * @param kind what the provider is for ({@code event store})
     * @param provider the provider
     * @param allowed the allowed providers
     * @return the problem, if any
     */
    public static Optional<String> checkProvider(String kind, String provider, Set<String> allowed) {
        return allowed.contains(provider) ? Optional.empty()
                : Optional.of("unknown " + kind + " provider \"" + provider + "\"; expected one of "
                        + allowed.stream().sorted().toList());
    }

    /**
     * @param days log retention
     * @return the problem, if any
     */
    public static Optional<String> checkLogRetention(int days) {
        return LOG_RETENTION_DAYS.contains(days) ? Optional.empty()
                : Optional.of("logRetentionDays " + days + " is not one CloudWatch accepts "
                        + LOG_RETENTION_DAYS.stream().sorted().toList());
    }

    /**
     * @param key an environment variable name
     * @return the problem, if any
     */
    public static Optional<String> checkEnvironmentKey(String key) {
        return key != null && ENV_KEY.matcher(key).matches() ? Optional.empty()
                : Optional.of("environment variable name \"" + key
                        + "\" must be letters, digits and underscores, not starting with a digit");
    }

    /**
     * Parses the {@code KEY=value} pairs of an annotation's {@code environment}.
     *
     * @param pairs the pairs
     * @return the variables in order
     * @throws IllegalArgumentException naming the first pair without {@code =}, with a bad name, or repeated
     */
    public static java.util.Map<String, String> parseEnvironment(String... pairs) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("environment entry \"" + pair + "\" must be KEY=value");
            }
            String key = pair.substring(0, eq);
            checkEnvironmentKey(key).ifPresent(m -> {
                throw new IllegalArgumentException(m);
            });
            if (env.put(key, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("environment variable " + key + " is set twice");
            }
        }
        return env;
    }

    /**
     * @param batchSize records per invocation
     * @param max the largest allowed
     * @return the problem, if any
     */
    public static Optional<String> checkBatchSize(int batchSize, int max) {
        return batchSize < 1 || batchSize > max
                ? Optional.of("batchSize " + batchSize + " is outside 1.." + max)
                : Optional.empty();
    }

    /**
     * @param detailType an EventBridge detail type
     * @return the problem, if any
     */
    public static Optional<String> checkDetailType(String detailType) {
        return detailType != null && DETAIL_TYPE.matcher(detailType).matches() ? Optional.empty()
                : Optional.of("detail type \"" + detailType + "\" must be 1..128 characters without control"
                        + " characters");
    }
}
