package dev.allframe.infra.model;

import java.util.List;
import java.util.stream.Collectors;

/** A model that cannot be read or is invalid; the message lists every problem, one per line. */
public final class InfraModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<InfraProblem> problems;

    /**
     * @param problems the problems, at least one
     */
    public InfraModelException(List<InfraProblem> problems) {
        super("invalid infrastructure model:\n" + problems.stream().map(p -> "  - " + p)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return the problems */
    public List<InfraProblem> problems() {
        return problems;
    }
}
