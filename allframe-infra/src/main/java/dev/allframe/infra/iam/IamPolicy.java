package dev.allframe.infra.iam;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The permissions of one deployable's role.
 *
 * @param deployable the function's logical name
 * @param statements the statements, in a stable order (logs first)
 */
public record IamPolicy(String deployable, List<IamStatement> statements) {
    /** Checks for nulls and copies. */
    public IamPolicy {
        Objects.requireNonNull(deployable, "deployable");
        statements = List.copyOf(statements);
    }

    /** @return every action granted, sorted */
    public List<String> actions() {
        TreeSet<String> all = new TreeSet<>();
        statements.forEach(s -> all.addAll(s.actions()));
        return List.copyOf(all);
    }
}
