package dev.allframe.server;

import dev.allframe.server.logging.CloudLogging;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Cloud Run's container contract beyond {@code PORT}: Cloud Run sends SIGTERM and kills the container
 * 10 s later, so on Cloud Run ({@code K_SERVICE} set) the drain must end before that; {@code ALLFRAME_SHUTDOWN_GRACE}
 * overrides it anywhere. Also switches logs to Cloud Logging JSON (see {@link CloudLogging}), reads the connection
 * start timeout ({@code ALLFRAME_CONNECTION_START_TIMEOUT}), and turns on the development endpoints under
 * {@code allframe dev} ({@code ALLFRAME_DEV=1}; {@link DeployedEnvironment} keeps them off Cloud Run and Lambda).
 */
final class CloudRunEnvironment {
    /** Environment variable with the shutdown grace: {@code 9s}, {@code 2500ms} or plain seconds. */
    static final String GRACE_VARIABLE = "ALLFRAME_SHUTDOWN_GRACE";
    /** Environment variable with the connection start timeout: {@code 10s}, {@code 2500ms} or plain seconds. */
    static final String START_TIMEOUT_VARIABLE = "ALLFRAME_CONNECTION_START_TIMEOUT";
    /**
     * The grace on Cloud Run: two seconds under its 10 s. After the grace the server still closes connections,
     * stops its event loops and closes the stores, and the JVM exits; measured at about 1.1 s in
     * {@code CloudRunContractTest}, so a 9 s grace overran the 10 s (SIGKILL).
     */
    static final Duration CLOUD_RUN_GRACE = Duration.ofSeconds(8);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s)?");

    private CloudRunEnvironment() {
    }

    static void apply(HttpServer.Builder builder, Map<String, String> environment) {
        CloudLogging.installFromEnvironment(environment);
        String dev = environment.get("ALLFRAME_DEV");
        if ("1".equals(dev) || "true".equals(dev)) {
            builder.devEndpoints(true);
            builder.devSource = "ALLFRAME_DEV=" + dev;
        }
        String grace = environment.get(GRACE_VARIABLE);
        if (grace != null && !grace.isBlank()) {
            builder.shutdownGrace(parseGrace(grace));
        } else if (onCloudRun(environment)) {
            builder.shutdownGrace(CLOUD_RUN_GRACE);
        }
        String start = environment.get(START_TIMEOUT_VARIABLE);
        if (start != null && !start.isBlank()) {
            Duration timeout = parseDuration(START_TIMEOUT_VARIABLE, start, "10s, 2500ms or 10");
            if (timeout.isZero()) {
                throw new IllegalArgumentException(START_TIMEOUT_VARIABLE + " (expected > 0): '" + start + "'");
            }
            builder.connectionStartTimeout(timeout);
        }
    }

    static boolean onCloudRun(Map<String, String> environment) {
        String service = environment.get("K_SERVICE");
        return service != null && !service.isBlank();
    }

    static Duration parseGrace(String value) {
        return parseDuration(GRACE_VARIABLE, value, "9s, 2500ms or 9");
    }

    private static Duration parseDuration(String variable, String value, String examples) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(variable + " (expected a duration such as " + examples + "): '"
                    + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return "ms".equals(m.group(2)) ? Duration.ofMillis(n) : Duration.ofSeconds(n);
    }
}
