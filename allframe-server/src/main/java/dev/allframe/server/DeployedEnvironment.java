package dev.allframe.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Tells a deployed service from a laptop by the variables its platform sets, so that the development endpoints
 * (which describe the service and let any caller inject events) can never run deployed: {@code K_SERVICE} is set by
 * Cloud Run, {@code AWS_LAMBDA_*} by AWS Lambda. The builder refuses to build a server with development endpoints
 * in such an environment, with the one line {@link #refusal} returns.
 */
final class DeployedEnvironment {
    /** The exit status of a {@code main} that refused to start, as the CLI's for bad input. */
    static final int EXIT_STATUS = 2;

    private DeployedEnvironment() {
    }

    /**
     * @param environment the environment given to the builder
     * @return the variables, set and not blank, that say the process is deployed: {@code K_SERVICE}, then the
     *     {@code AWS_LAMBDA_*} ones in alphabetical order; empty on a laptop
     */
    static List<String> variables(Map<String, String> environment) {
        List<String> found = new ArrayList<>();
        if (present(environment.get("K_SERVICE"))) {
            found.add("K_SERVICE");
        }
        TreeSet<String> lambda = new TreeSet<>();
        environment.forEach((name, value) -> {
            if (name.startsWith("AWS_LAMBDA_") && present(value)) {
                lambda.add(name);
            }
        });
        found.addAll(lambda);
        return List.copyOf(found);
    }

    /**
     * @param devSource what turned the development endpoints on: {@code ALLFRAME_DEV=1} or {@code devEndpoints(true)}
     * @param variables the non-empty result of {@link #variables}
     * @return one line for standard error: what is refused, why, and the fix
     */
    static String refusal(String devSource, List<String> variables) {
        boolean cloudRun = variables.contains("K_SERVICE");
        boolean lambda = variables.size() > (cloudRun ? 1 : 0);
        String where = cloudRun && lambda ? "Cloud Run, AWS Lambda" : cloudRun ? "Cloud Run" : "AWS Lambda";
        String fix = devSource.startsWith("ALLFRAME_DEV=") ? "unset ALLFRAME_DEV there (it is for allframe dev)"
                : "call devEndpoints(true) only in development";
        return "error: refusing to start: " + devSource + " turns on the development endpoints, which must never run "
                + "deployed, and " + String.join(", ", variables) + (variables.size() == 1 ? " is" : " are")
                + " set (" + where + "); " + fix;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
