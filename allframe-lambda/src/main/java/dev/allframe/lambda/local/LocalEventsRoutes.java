package dev.allframe.lambda.local;

import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.http.Headers;
import dev.allframe.http.HttpException;
import dev.allframe.http.Problem;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;
import dev.allframe.json.JsonCodecs;
import dev.allframe.lambda.AllFrameHandler;
import dev.allframe.lambda.InvalidEventException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Local endpoints that deliver Lambda events to the function's real {@link AllFrameHandler}, so a local server
 * ({@code allframe dev}) runs SQS, SNS, EventBridge, S3 and DynamoDB Streams events through the same handlers, with
 * the same batch semantics and idempotency, as Lambda does. Register them as development routes, so they exist only
 * under {@code allframe dev} ({@code ALLFRAME_DEV=1}) and never on Cloud Run or Lambda; they let any caller inject
 * commands:
 * <pre>{@code
 * HttpServer.fromEnvironment(System.getenv()).router(router)
 *     .devRoutes(routes -> LocalEventsRoutes.register(routes, AllFrameHandler.of(() -> router, app::eventSources)))
 * }</pre>
 *
 * <table>
 *   <caption>Endpoints (all {@code POST})</caption>
 *   <tr><td>{@value #PATH}</td><td>the body is a Lambda event exactly as AWS sends it (any kind)</td></tr>
 *   <tr><td>{@code /_allframe/events/sqs/{queue}}</td><td>the body is one message body, or a JSON array of them
 *       (strings are taken as they are, anything else as its JSON text); one SQS batch is built. Query:
 *       {@code messageId} (repeated, one per message, to redeliver the same messages), {@code commandType} (the
 *       {@code command-type} attribute), {@code attribute=NAME=VALUE} (repeated), {@code group} (FIFO
 *       {@code MessageGroupId})</td></tr>
 *   <tr><td>{@code /_allframe/events/sns/{topic}}</td><td>the body is the message; query {@code messageId},
 *       {@code subject}, {@code commandType}, {@code attribute=NAME=VALUE}</td></tr>
 *   <tr><td>{@code /_allframe/events/eventbridge}</td><td>the body is the {@code detail} object; query
 *       {@code source} and {@code detailType} (required), {@code id}</td></tr>
 *   <tr><td>{@code /_allframe/events/s3/{bucket}/{key...}}</td><td>an S3 notification for that object; the body is
 *       the object's content (its size and MD5 become {@code size} and {@code eTag}); query {@code event}
 *       (default {@code ObjectCreated:Put}), {@code versionId}</td></tr>
 *   <tr><td>{@code /_allframe/events/dynamodb}</td><td>only with an event store: the store's events (query
 *       {@code stream}, or {@code from} a global position; {@code limit}, default 1000) as a DynamoDB Streams
 *       batch of {@code INSERT} records in the item schema the DynamoDB event store writes</td></tr>
 * </table>
 *
 * <p>Answers: {@code 200} with the handler's answer ({@code batchItemFailures} for SQS and DynamoDB Streams; the
 * SQS shortcut adds {@code results}, one {@code {messageId, status}} per message, in order); {@code 400} problem
 * naming what was wrong when the request or the event is malformed or of a kind the function does not serve;
 * {@code 500} problem with {@code errorType} and {@code errorMessage} when the invocation fails (what Lambda would
 * report as a function error: an SNS, EventBridge or S3 event whose handling failed).
 */
public final class LocalEventsRoutes {
    /** The path raw Lambda events are posted to; the shortcuts live below it. */
    public static final String PATH = "/_allframe/events";

    private LocalEventsRoutes() {
    }

    /**
     * Adds the raw endpoint and the SQS, SNS, EventBridge and S3 shortcuts.
     *
     * @param routes the local server's router builder
     * @param function the function's handler
     * @return the same builder
     * @throws IllegalStateException if the router already has one of these routes
     */
    public static Router.Builder register(Router.Builder routes, AllFrameHandler function) {
        return register(routes, function, null);
    }

    /**
     * Adds the raw endpoint, the shortcuts and, with a store, {@code POST /_allframe/events/dynamodb}, which
     * delivers the store's events to the function as DynamoDB Streams records (the local equivalent of the event
     * table's stream).
     *
     * @param routes the local server's router builder
     * @param function the function's handler
     * @param store the local event store whose events the DynamoDB Streams shortcut replays, or {@code null}
     * @return the same builder
     * @throws IllegalStateException if the router already has one of these routes
     */
    public static Router.Builder register(Router.Builder routes, AllFrameHandler function, EventStoreBackend store) {
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(function, "function");
        LocalEvents events = new LocalEvents();
        routes.post(PATH, request -> deliver(function, request.body()))
                .post(PATH + "/sqs/{queue}", request -> {
                    LocalEvents.Built built = events.sqs(request.pathParam("queue"), request.body(), request.query());
                    return withResults(deliver(function, built.event()), built.ids());
                })
                .post(PATH + "/sns/{topic}", request ->
                        deliver(function, events.sns(request.pathParam("topic"), request.body(), request.query())))
                .post(PATH + "/eventbridge", request ->
                        deliver(function, events.eventBridge(request.body(), request.query())))
                .post(PATH + "/s3/{bucket}/{key...}", request -> deliver(function,
                        events.s3(request.pathParam("bucket"), request.pathParam("key"), request.body(),
                                request.query())));
        if (store != null) {
            routes.post(PATH + "/dynamodb", request -> deliver(function, events.dynamoDb(store, request.query())));
        }
        return routes;
    }

    private static Response deliver(AllFrameHandler function, byte[] event) {
        try {
            byte[] answer = function.handle(event, null);
            return new Response(Status.OK, Headers.of("content-type", "application/json"), answer);
        } catch (InvalidEventException e) {
            return Response.problem(Problem.of(Status.BAD_REQUEST, e.getMessage())
                    .with("errorType", e.getClass().getSimpleName()));
        } catch (HttpException e) {
            throw e;
        } catch (RuntimeException e) {
            return Response.problem(Problem.of(Status.INTERNAL_SERVER_ERROR, "The invocation failed: "
                    + e.getMessage()).with("errorType", e.getClass().getName())
                    .with("errorMessage", String.valueOf(e.getMessage())));
        }
    }

    /** Adds {@code results} to an SQS answer: each message id, in order, with whether it succeeded. */
    @SuppressWarnings("unchecked")
    private static Response withResults(Response answer, List<String> ids) {
        if (answer.status() != Status.OK) {
            return answer;
        }
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        Map<String, Object> decoded = JsonCodecs.defaultCodec().read(answer.body(), Map.class);
        List<String> failed = new ArrayList<>();
        if (decoded.get("batchItemFailures") instanceof List<?> failures) {
            for (Object f : failures) {
                if (f instanceof Map<?, ?> m && m.get("itemIdentifier") instanceof String id) {
                    failed.add(id);
                }
            }
        }
        StringBuilder sb = new StringBuilder(body.length() + ids.size() * 64);
        sb.append(body, 0, body.lastIndexOf('}')).append(",\"results\":[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"messageId\":");
            LocalEvents.quote(sb, ids.get(i)).append(",\"status\":\"")
                    .append(failed.contains(ids.get(i)) ? "failed" : "succeeded").append("\"}");
        }
        sb.append("]}");
        return new Response(Status.OK, answer.headers(), sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
