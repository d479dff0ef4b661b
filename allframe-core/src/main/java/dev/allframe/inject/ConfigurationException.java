package dev.allframe.inject;

import java.io.Serial;
import java.util.List;

/**
 * The environment does not configure the application: every missing or malformed variable is listed, so one
 * start-up attempt shows all of them.
 */
public final class ConfigurationException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one line per problem, each naming its variable */
    public ConfigurationException(List<String> problems) {
        super("The application is not configured: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per problem, each naming its variable */
    public List<String> problems() {
        return problems;
    }
}
