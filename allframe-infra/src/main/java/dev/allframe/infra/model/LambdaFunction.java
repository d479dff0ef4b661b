package dev.allframe.infra.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Lambda function: one entry point of the application and what its dependency graph uses.
 *
 * @param name the logical name
 * @param runtime {@code java21} or {@code provided.al2023}
 * @param handler the handler ({@code Class::method} for java21, {@code bootstrap} for provided.al2023)
 * @param memory MiB, 128..10240
 * @param timeout seconds, 1..900
 * @param architecture {@code arm64} or {@code x86_64}
 * @param snapStart whether SnapStart is on (java21 only)
 * @param environment extra environment variables (insertion order kept); they win over generated ones
 * @param http the HTTP door, if any
 * @param logRetentionDays CloudWatch log retention
 * @param subscriptions event sources
 * @param uses resources used, from the dependency graph
 */
public record LambdaFunction(String name, String runtime, String handler, int memory, int timeout,
                             String architecture, boolean snapStart, Map<String, String> environment,
                             Optional<HttpDoor> http, int logRetentionDays, List<Subscription> subscriptions,
                             List<Use> uses) {
    /** The managed Java 21 runtime. */
    public static final String JAVA21 = "java21";
    /** The OS-only runtime. */
    public static final String PROVIDED_AL2023 = "provided.al2023";
    /** Default handler of the managed runtime. */
    public static final String DEFAULT_JAVA_HANDLER = "dev.allframe.lambda.AllFrameHandler::handleRequest";
    /** JVM options for short cold starts (C1 only), set as {@code JAVA_TOOL_OPTIONS} unless overridden. */
    public static final String DEFAULT_JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** Checks for nulls and copies the collections. */
    public LambdaFunction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(http, "http");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        subscriptions = List.copyOf(subscriptions);
        uses = List.copyOf(uses);
    }
}
