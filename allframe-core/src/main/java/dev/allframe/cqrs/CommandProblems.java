package dev.allframe.cqrs;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.http.ErrorHandler;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.util.ArrayList;
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
        router.error(ValidationException.class, Handler.INSTANCE);
        router.error(CommandException.class, Handler.INSTANCE);
        router.error(ConcurrencyConflictException.class, Handler.INSTANCE);
        return router;
    }

    /** One class for the three mappings rather than three lambdas: registration runs on every cold start. */
    private static final class Handler implements ErrorHandler<RuntimeException> {
        static final Handler INSTANCE = new Handler();

        @Override
        public Response handle(RuntimeException error, Request request) {
            if (error instanceof CommandException c) {
                return Response.problem(problem(c));
            }
            return Response.problem(problem((ConcurrencyConflictException) error));
        }
    }

    /**
     * @param e a rejected command
     * @return its problem: 422 with field errors for a validation failure, else 409 or 422 by kind
     */
    public static Problem problem(CommandException e) {
        Problem p = Problem.of(e.kind().status(), e.getMessage());
        if (e instanceof ValidationException v) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError f : v.errors()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("field", f.field());
                m.put("message", f.message());
                errors.add(m);
            }
            p = p.with("errors", List.copyOf(errors));
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
