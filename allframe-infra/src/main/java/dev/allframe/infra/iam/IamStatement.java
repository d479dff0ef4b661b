package dev.allframe.infra.iam;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Allow} statement.
 *
 * @param sid a statement id, unique in its policy (letters and digits)
 * @param actions the actions, sorted, never containing {@code *}
 * @param resources the resources
 */
public record IamStatement(String sid, List<String> actions, List<ArnRef> resources) {
    /** Checks for nulls, sorts and copies. */
    public IamStatement {
        Objects.requireNonNull(sid, "sid");
        actions = actions.stream().sorted().distinct().toList();
        resources = List.copyOf(resources);
        for (String a : actions) {
            if (a.contains("*")) {
                throw new IllegalArgumentException("wildcard action " + a + " in statement " + sid);
            }
        }
    }

    /** @return a readable form: {@code Sid: a, b on r1, r2} */
    @Override
    public String toString() {
        return sid + ": " + String.join(", ", actions) + " on "
                + String.join(", ", resources.stream().map(ArnRef::toString).toList());
    }
}
