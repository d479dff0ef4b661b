package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The custom-runtime door ({@code provided.al2023}, jlink'd or native images): a loop over the Lambda Runtime API
 * ({@code /runtime/invocation/next}, {@code /response}, {@code /error}, {@code /init/error}) using the JDK's HTTP
 * client, around any {@link RequestStreamHandler}, typically an {@link AllFrameHandler}.
 *
 * <p>Start it with {@code java -cp ... dev.allframe.lambda.LambdaRuntime} (the handler class from {@code _HANDLER}
 * or the first argument, created through its no-argument constructor, as the managed runtime does), or from an
 * application's own {@code main}: {@code LambdaRuntime.run(OrdersLambda::new)}, which needs no reflection at all.
 *
 * <p>A failure creating the handler is posted to {@code /init/error} and the process exits with status 1; a
 * failing invocation is posted to its {@code /error} and the loop goes on. The loop ends (status 1) only when the
 * Runtime API itself cannot be reached.
 */
public final class LambdaRuntime {
    /** Looked up on first use: creating a logger costs a cold start dozens of classes. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(LambdaRuntime.class.getName());
    }
    private static final String API_PREFIX = "/2018-06-01/runtime";

    private final HttpClient client;
    private final String origin;

    private LambdaRuntime(String runtimeApi) {
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.origin = "http://" + runtimeApi;
    }

    /**
     * Entry point of the {@code bootstrap} script.
     *
     * @param args optionally the handler class name; else {@code _HANDLER}
     */
    public static void main(String[] args) {
        String handler = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        System.exit(run(() -> instantiate(handler)));
    }

    /**
     * Creates the handler and serves invocations until the Runtime API goes away.
     *
     * @param handlerFactory creates the handler, once; its exceptions are reported as init errors
     * @return the process exit status: 1 after an init error or when the Runtime API is unreachable
     * @throws IllegalStateException if {@code AWS_LAMBDA_RUNTIME_API} is not set
     */
    public static int run(Supplier<? extends RequestStreamHandler> handlerFactory) {
        Objects.requireNonNull(handlerFactory, "handlerFactory");
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (api == null || api.isBlank()) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set: this process must be started by "
                    + "Lambda (or a Runtime API emulator) as a custom runtime");
        }
        LambdaRuntime runtime = new LambdaRuntime(api.trim());
        RequestStreamHandler handler;
        try {
            handler = Objects.requireNonNull(handlerFactory.get(), "the handler factory returned null");
        } catch (Throwable t) {
            Log.LOG.log(System.Logger.Level.ERROR, "Function initialisation failed", t);
            runtime.post(API_PREFIX + "/init/error", "/init/error", t);
            return 1;
        }
        return runtime.loop(handler);
    }

    static RequestStreamHandler instantiate(String handler) {
        if (handler == null || handler.isBlank()) {
            throw new IllegalArgumentException("No handler: set _HANDLER (or pass the class name) to a class that "
                    + "implements RequestStreamHandler");
        }
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler.trim();
        try {
            Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
            if (!RequestStreamHandler.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("Handler class " + className + " does not implement "
                        + RequestStreamHandler.class.getName());
            }
            return (RequestStreamHandler) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Handler class not found: " + className, e);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Handler class " + className
                    + " has no public no-argument constructor", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Cannot create handler " + className + ": " + e, e);
        }
    }

    private int loop(RequestStreamHandler handler) {
        HttpRequest next = HttpRequest.newBuilder(URI.create(origin + API_PREFIX + "/invocation/next")).GET().build();
        while (true) {
            HttpResponse<byte[]> invocation;
            try {
                invocation = client.send(next, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API is unreachable (" + e + "); stopping the runtime");
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            if (invocation.statusCode() != 200) {
                Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API answered " + invocation.statusCode()
                        + " to /invocation/next; stopping the runtime");
                return 1;
            }
            serve(handler, invocation);
        }
    }

    private void serve(RequestStreamHandler handler, HttpResponse<byte[]> invocation) {
        var h = invocation.headers();
        String requestId = h.firstValue("Lambda-Runtime-Aws-Request-Id").orElse(null);
        if (requestId == null) {
            Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API sent an invocation without a request id; skipped");
            return;
        }
        String trace = h.firstValue("Lambda-Runtime-Trace-Id").orElse(null);
        if (trace != null) {
            System.setProperty(Invocations.TRACE_PROPERTY, trace);
        } else {
            System.clearProperty(Invocations.TRACE_PROPERTY);
        }
        RuntimeContext context = new RuntimeContext(requestId,
                h.firstValue("Lambda-Runtime-Deadline-Ms").map(LambdaRuntime::parseLong).orElse(0L),
                h.firstValue("Lambda-Runtime-Invoked-Function-Arn").orElse(""));
        LambdaContext outer = Invocations.CURRENT.get();
        Invocations.CURRENT.set(LambdaContext.of(context, trace));
        String path = API_PREFIX + "/invocation/" + requestId;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            handler.handleRequest(new ByteArrayInputStream(invocation.body()), out, context);
            send(path + "/response", HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()), null);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vme && !(vme instanceof StackOverflowError)) {
                throw vme;
            }
            Log.LOG.log(System.Logger.Level.ERROR, "Invocation failed: " + t, t);
            post(path + "/error", "/invocation/" + requestId + "/error", t);
        } finally {
            Invocations.CURRENT.set(outer);
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    private void post(String path, String what, Throwable t) {
        // As the official client does: a fixed category in the header, the exception's class in the document.
        String type = "Runtime.UserException";
        try {
            send(path, HttpRequest.BodyPublishers.ofByteArray(errorDocument(t)), type);
        } catch (RuntimeException e) {
            Log.LOG.log(System.Logger.Level.ERROR, "Could not report the error to " + what + ": " + e);
        }
    }

    private void send(String path, HttpRequest.BodyPublisher body, String errorType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).POST(body);
        if (errorType != null) {
            b.header("Lambda-Runtime-Function-Error-Type", errorType);
            b.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API rejected " + path + " with " + r.statusCode()
                        + ": " + r.body());
                if (errorType == null && r.statusCode() == 413) {
                    // The response was too large; tell Lambda why the invocation failed instead of hanging it.
                    send(path.substring(0, path.length() - "/response".length()) + "/error",
                            HttpRequest.BodyPublishers.ofByteArray(errorDocument(new IllegalStateException(
                                    "Response payload exceeds Lambda's 6 MB limit"))), "Function.ResponseSizeTooLarge");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Runtime API request " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted posting " + path, e);
        }
    }

    /** The error document Lambda expects: {@code errorMessage}, {@code errorType}, {@code stackTrace}. */
    static byte[] errorDocument(Throwable t) {
        JsonOut out = new JsonOut(1024);
        out.begin();
        out.field("errorMessage").string(t.getMessage() == null ? t.toString() : t.getMessage());
        out.field("errorType").string(t.getClass().getName());
        StackTraceElement[] trace = t.getStackTrace();
        java.util.List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(trace.length, 50); i++) {
            lines.add(trace[i].toString());
        }
        out.field("stackTrace").strings(lines);
        out.end();
        return out.bytes();
    }
}
