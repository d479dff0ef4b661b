package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The custom-runtime door ({@code provided.al2023}, jlink'd or native images): a loop over the Lambda Runtime API
 * ({@code /runtime/invocation/next}, {@code /response}, {@code /error}, {@code /init/error}) on one kept-alive
 * HTTP/1.1 connection ({@code java.net.Socket}; see {@link RuntimeApiConnection} for why not
 * {@code java.net.http}), around any {@link RequestStreamHandler}, typically an {@link AllFrameHandler}.
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

    private final RuntimeApiConnection api;

    private LambdaRuntime(String runtimeApi) {
        this.api = new RuntimeApiConnection(runtimeApi);
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
        while (true) {
            RuntimeApiConnection.Reply invocation;
            try {
                invocation = api.get(API_PREFIX + "/invocation/next");
            } catch (IOException | RuntimeException e) {
                Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API is unreachable (" + e + "); stopping the runtime");
                return 1;
            }
            if (invocation.status() != 200) {
                Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API answered " + invocation.status()
                        + " to /invocation/next; stopping the runtime");
                return 1;
            }
            serve(handler, invocation);
        }
    }

    private void serve(RequestStreamHandler handler, RuntimeApiConnection.Reply invocation) {
        String requestId = invocation.header("Lambda-Runtime-Aws-Request-Id");
        if (requestId == null) {
            Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API sent an invocation without a request id; skipped");
            return;
        }
        String trace = invocation.header("Lambda-Runtime-Trace-Id");
        if (trace != null) {
            System.setProperty(Invocations.TRACE_PROPERTY, trace);
        } else {
            System.clearProperty(Invocations.TRACE_PROPERTY);
        }
        String arn = invocation.header("Lambda-Runtime-Invoked-Function-Arn");
        RuntimeContext context = new RuntimeContext(requestId,
                parseLong(invocation.header("Lambda-Runtime-Deadline-Ms")), arn == null ? "" : arn,
                invocation.header("Lambda-Runtime-Client-Context"),
                invocation.header("Lambda-Runtime-Cognito-Identity"));
        LambdaContext outer = Invocations.CURRENT.get();
        Invocations.CURRENT.set(LambdaContext.of(context, trace));
        String path = API_PREFIX + "/invocation/" + requestId;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            handler.handleRequest(new ByteArrayInputStream(invocation.body()), out, context);
            send(path + "/response", out.toByteArray(), null);
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
        if (s == null) {
            return 0L;
        }
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
            send(path, errorDocument(t), type);
        } catch (RuntimeException e) {
            Log.LOG.log(System.Logger.Level.ERROR, "Could not report the error to " + what + ": " + e);
        }
    }

    private void send(String path, byte[] body, String errorType) {
        RuntimeApiConnection.Reply r;
        try {
            r = api.post(path, body, errorType);
        } catch (IOException e) {
            throw new IllegalStateException("Runtime API request " + path + " failed: " + e, e);
        }
        if (r.status() >= 300) {
            Log.LOG.log(System.Logger.Level.ERROR, "The Runtime API rejected " + path + " with " + r.status()
                    + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            if (errorType == null && r.status() == 413) {
                // The response was too large; tell Lambda why the invocation failed instead of leaving it open.
                send(path.substring(0, path.length() - "/response".length()) + "/error",
                        errorDocument(new IllegalStateException("Response payload exceeds Lambda's 6 MB limit")),
                        "Function.ResponseSizeTooLarge");
            }
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
