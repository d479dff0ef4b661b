package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.allframe.http.Headers;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonLimitException;
import dev.allframe.lambda.events.EventSourceKind;
import dev.allframe.lambda.events.EventSources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Lambda HTTP door: serves API Gateway REST and HTTP API events, Function URL and ALB events through one
 * {@link Router}, answering in the format the event came in; with {@link EventSources} (the two-argument
 * constructor) the same entry point also serves EventBridge, SQS, SNS, DynamoDB Streams and S3 events.
 *
 * <p>The managed {@code java21} runtime creates the handler class named in the function's configuration through
 * its public no-argument constructor, so an application declares one small subclass; no scanning, no reflection
 * beyond the runtime's own single constructor call:
 * <pre>{@code
 * public final class OrdersLambda extends AllFrameHandler {
 *     public OrdersLambda() { super(OrdersApp::router); }
 * }
 * }</pre>
 * and sets the handler to {@code com.example.OrdersLambda}. The router is built once, in the constructor (the
 * Lambda init phase); a failure there is an init error the runtime reports. The same class runs under the custom
 * runtime ({@link LambdaRuntime}).
 *
 * <p>Errors: whatever a route throws becomes the router's problem response (a 500 is logged once, with the request
 * id); the invocation itself succeeds, so API Gateway never turns it into a 502. An event that is not JSON or not
 * an HTTP event fails the invocation with {@link MalformedEventException} or {@link UnsupportedEventException}.
 *
 * <p>Instances are thread-safe once constructed.
 */
public class AllFrameHandler implements RequestStreamHandler {
    static {
        configureLogging();
    }

    private final Router router;
    private final EventSources events;
    private final JsonCodec codec;
    @SuppressWarnings({"unused", "FieldCanBeLocal"}) // CRaC holds resources weakly; this keeps the hook alive.
    private final Object snapStartHook;

    /**
     * Builds the application at once, during the Lambda init phase.
     *
     * @param application supplies the router; called once
     * @throws NullPointerException if the supplier or its router is {@code null}
     */
    protected AllFrameHandler(Supplier<Router> application) {
        this(application, null);
    }

    /**
     * Builds the application and its event sources at once, during the Lambda init phase: the function then also
     * serves EventBridge, SQS, SNS, DynamoDB Streams and S3 events (see {@link EventSources}).
     *
     * @param application supplies the router; called once
     * @param events supplies the event sources; called once; {@code null} for an HTTP-only function
     * @throws NullPointerException if the router supplier or a supplied value is {@code null}
     */
    protected AllFrameHandler(Supplier<Router> application, Supplier<EventSources> events) {
        Objects.requireNonNull(application, "application");
        Router built = application.get();
        if (built == null) {
            throw new NullPointerException("the application supplier of " + getClass().getName()
                    + " returned null instead of a Router");
        }
        this.router = built;
        if (events != null) {
            EventSources sources = events.get();
            if (sources == null) {
                throw new NullPointerException("the event sources supplier of " + getClass().getName()
                        + " returned null instead of EventSources");
            }
            this.events = sources;
        } else {
            this.events = null;
        }
        this.codec = JsonCodecs.defaultCodec();
        // The check is here, not in SnapStartHook, so an ordinary cold start does not even load org.crac.
        this.snapStartHook = snapStartRequested() ? SnapStartHook.register(this) : null;
    }

    /**
     * A handler over a router, for the custom runtime's {@code main} and for tests.
     *
     * @param application supplies the router; called once, now
     * @return the handler
     */
    public static AllFrameHandler of(Supplier<Router> application) {
        return new AllFrameHandler(application);
    }

    /**
     * A handler over a router and event sources, for the custom runtime's {@code main}, {@code allframe invoke} and
     * tests.
     *
     * @param application supplies the router; called once, now
     * @param events supplies the event sources; called once, now
     * @return the handler
     */
    public static AllFrameHandler of(Supplier<Router> application, Supplier<EventSources> events) {
        return new AllFrameHandler(application, Objects.requireNonNull(events, "events"));
    }

    /**
     * Named so a subclass may keep a {@code static Router router()} of its own.
     *
     * @return the application's router
     */
    public final Router application() {
        return router;
    }

    /**
     * Serves one invocation.
     *
     * @param input the event JSON
     * @param output receives the response document in the event's format
     * @param context the invocation's context
     * @throws IOException if the streams fail
     * @throws MalformedEventException if the event is not JSON, crosses one of the codec's
     *         {@link dev.allframe.json.JsonLimits} or misses a required field
     * @throws UnsupportedEventException if the event is not an HTTP event this door knows, nor an event of a
     *         configured {@link EventSources} kind
     * @throws dev.allframe.lambda.events.EventDispatchException if an EventBridge, SNS or S3 event failed
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        LambdaContext invocation = context == null ? null
                : LambdaContext.of(context, System.getProperty(Invocations.TRACE_PROPERTY));
        LambdaContext outer = Invocations.CURRENT.get();
        Invocations.CURRENT.set(invocation);
        try {
            output.write(handle(event, invocation));
        } finally {
            Invocations.CURRENT.set(outer);
        }
    }

    /**
     * Serves one event without the runtime's streams.
     *
     * @param event the event JSON
     * @param invocation the invocation, or {@code null} (then no {@link LambdaAttributes#CONTEXT} is set)
     * @return the response document
     * @throws InvalidEventException if the event cannot be served
     */
    public final byte[] handle(byte[] event, LambdaContext invocation) {
        Object decoded = decode(event);
        if (events != null) {
            // Only functions with event sources load the event doors; an HTTP-only cold start does not.
            EventSourceKind kind = EventSourceKind.of(decoded);
            if (kind != null) {
                return events.handle(kind, decoded);
            }
        }
        HttpEvents.Parsed parsed = HttpEvents.parse(decoded, invocation);
        Response response = parsed.immediate() != null ? parsed.immediate() : route(parsed.request());
        return HttpEvents.write(parsed.kind(), parsed.multiValue(), response);
    }

    /**
     * The requests run before a SnapStart snapshot (and by {@link #prime()}), so the snapshot holds a JVM that
     * has already loaded and initialised the JSON codec, the door and the routes. Override to name real routes;
     * they must be safe to run (no lasting side effects). Default: {@code GET /}, whatever it answers.
     *
     * @return the priming requests
     */
    protected List<Request> primingRequests() {
        return List.of(Request.get("/"));
    }

    /**
     * Runs every {@link #primingRequests() priming request} through the whole door (event JSON in, response JSON
     * out) as HTTP API events.
     *
     * @return how many were answered below 500
     */
    public final int prime() {
        int ok = 0;
        for (Request r : primingRequests()) {
            byte[] answer = handle(primingEvent(r), null);
            if (new String(answer, 0, Math.min(answer.length, 20), StandardCharsets.US_ASCII)
                    .matches("\\{\"statusCode\":[1-4].*")) {
                ok++;
            }
        }
        return ok;
    }

    private Object decode(byte[] event) {
        if (event.length == 0 || new String(event, StandardCharsets.UTF_8).isBlank()) {
            throw new MalformedEventException("The event is empty; expected an HTTP event JSON object", null);
        }
        try {
            return codec.read(event, Object.class);
        } catch (JsonLimitException e) {
            // Checked before any value is built: a 100,000-deep header structure fails here, not in a stack overflow.
            throw new MalformedEventException("The event crosses a JSON limit: " + e.getMessage(), e);
        } catch (JsonCodecException e) {
            throw new MalformedEventException("The event is not valid JSON: " + e.getMessage(), e);
        }
    }

    private Response route(Request request) {
        try {
            return router.handle(request);
        } catch (RuntimeException e) {
            // Router.handle maps exceptions itself; this guards the door against a broken custom router.
            System.getLogger(AllFrameHandler.class.getName()).log(System.Logger.Level.ERROR,
                    "Router failed for " + request.method() + " " + request.path(), e);
            return new Response(Status.INTERNAL_SERVER_ERROR, Headers.of("content-type", Problem.MEDIA_TYPE),
                    "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}"
                            .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static byte[] primingEvent(Request r) {
        JsonOut out = new JsonOut(512);
        out.begin();
        out.field("version").string("2.0");
        out.field("routeKey").string("$default");
        out.field("rawPath").string(r.path());
        out.field("rawQueryString").string("");
        out.field("headers").begin();
        for (Map.Entry<String, List<String>> e : r.headers().asMap().entrySet()) {
            out.field(e.getKey()).string(String.join(",", e.getValue()));
        }
        out.end();
        out.field("requestContext").begin();
        out.field("requestId").string("allframe-priming");
        out.field("stage").string("$default");
        out.field("http").begin();
        out.field("method").string(r.method().name());
        out.field("path").string(r.path());
        out.field("sourceIp").string("127.0.0.1");
        out.end();
        out.end();
        out.field("body").string(r.bodyAsString());
        out.field("isBase64Encoded").bool(false);
        out.end();
        return out.bytes();
    }

    static boolean snapStartRequested() {
        return "snap-start".equals(System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"))
                || Boolean.getBoolean("allframe.crac");
    }

    /**
     * Under the managed runtime {@link System.Logger} is backed by {@code java.util.logging} (the function's jars
     * are invisible to the JDK's logger lookup). Naming a configuration class costs nothing now: the JDK loads it
     * only if and when something logs, so a cold start that logs nothing loads no logging classes at all. A
     * configuration the user chose ({@code java.util.logging.config.*}) is left alone.
     */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.class") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            // A string, not a class literal, so not even this class is loaded before something logs.
            System.setProperty("java.util.logging.config.class", "dev.allframe.lambda.JulFormat$Config");
        }
    }
}
