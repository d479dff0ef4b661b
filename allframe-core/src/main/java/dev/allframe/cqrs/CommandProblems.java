package dev.allframe.cqrs;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.http.Problem;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps command failures to RFC 9457 problem responses on a router: {@link ValidationException} to 422 with an
 * {@code errors} list of {@code {field, message}}, {@link CommandException} to 409 or 422 by its kind, and
 * {@link ConcurrencyConflictException} to 409 with the expected and actual versions.
 * Use: {@code Router.builder().apply(CommandProblems::register)}.
 */
public final class CommandProblems {
    private CommandProblems() {
    }

    /**
     * Registers the error handlers.
     *
     * @param router the router builder
     * @return the same builder
     */
    public static Router.Builder register(Router.Builder router) {
        router.error(ValidationException.class, (e, req) -> Response.problem(problem(e)));
        router.error(CommandException.class, (e, req) -> Response.problem(problem(e)));
        router.error(ConcurrencyConflictException.class, (e, req) -> Response.problem(problem(e)));
        return router;
    }

    /**
     * @param e a rejected command
     * @return its problem: 422 with field errors for a validation failure, else 409 or 422 by kind
     */
    public static Problem problem(CommandException e) {
        Problem p = Problem.of(e.kind().status(), e.getMessage());
        if (e instanceof ValidationException v) {
            List<Map<String, Object>> errors = v.errors().stream().map(f -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", f.field());
                m.put("message", f.message());
                return m;
            }).toList();
            p = p.with("errors", errors);
        }
        return p;
    }

    /**
     * @param e a lost race
     * @return a 409 problem naming the expected and actual versions
     */
    public static Problem problem(ConcurrencyConflictException e) {
        Problem p = Problem.of(409, "The resource was changed concurrently; reload and retry")
                .with("actualVersion", e.actual());
        if (e.expected() instanceof ExpectedVersion.Exactly x) {
            p = p.with("expectedVersion", x.version());
        }
        return p;
    }
}
