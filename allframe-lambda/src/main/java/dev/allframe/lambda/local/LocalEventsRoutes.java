package dev.allframe.lambda.local;

import dev.allframe.http.Headers;
import dev.allframe.http.Problem;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.InvalidEventException;

import java.util.Objects;

/**
 * Adds {@code POST /_allframe/events} to a local server's router: the request body is a Lambda event (an SQS batch,
 * an SNS notification, an EventBridge event, a DynamoDB Streams batch or an S3 notification, exactly as AWS sends
 * it) and goes through the function's real {@link AllFrameHandler}, so {@code allframe dev} injects events into the
 * same handlers that run in Lambda.
 * <pre>{@code
 * Router router = LocalEventsRoutes.register(Router.builder().apply(app::routes), new OrdersLambda()).build();
 * // curl -d @sqs-event.json localhost:8080/_allframe/events  ->  {"batchItemFailures":[...]}
 * }</pre>
 * Answers: {@code 200} with the handler's JSON answer; {@code 400} problem when the event is malformed or of a kind
 * the function does not serve; {@code 500} problem with {@code errorType} and {@code errorMessage} when the
 * invocation fails (what Lambda would report as a function error). Only for local servers: it lets any caller
 * inject commands.
 */
public final class LocalEventsRoutes {
    /** The path events are posted to. */
    public static final String PATH = "/_allframe/events";

    private LocalEventsRoutes() {
    }

    /**
     * @param routes the local server's router builder
     * @param function the function's handler
     * @return the same builder, with {@code POST} {@value #PATH} added
     * @throws IllegalStateException if the router already has that route
     */
    public static Router.Builder register(Router.Builder routes, AllFrameHandler function) {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(function, "function");
        return routes.post(PATH, request -> {
            try {
                byte[] answer = function.handle(request.body(), null);
                return new Response(Status.OK, Headers.of("content-type", "application/json"), answer);
            } catch (InvalidEventException e) {
                return Response.problem(Problem.of(Status.BAD_REQUEST, e.getMessage())
                        .with("errorType", e.getClass().getSimpleName()));
            } catch (RuntimeException e) {
                return Response.problem(Problem.of(Status.INTERNAL_SERVER_ERROR, "The invocation failed: "
                        + e.getMessage()).with("errorType", e.getClass().getName())
                        .with("errorMessage", String.valueOf(e.getMessage())));
            }
        });
    }
}
