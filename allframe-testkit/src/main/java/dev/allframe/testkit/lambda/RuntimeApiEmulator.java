package dev.allframe.testkit.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the AWS Lambda Runtime API (version 2018-06-01), so a Lambda runtime — the official runtime
 * interface client, AllFrame's custom-runtime loop or any other — can run unchanged on a laptop or in CI. It binds
 * 127.0.0.1 on a free port; point the runtime at it with {@code AWS_LAMBDA_RUNTIME_API=} {@link #address()}.
 *
 * <p>Tests queue invocations with {@link #invoke(String)} and get a future of the runtime's answer. The runtime's
 * {@code GET /runtime/invocation/next} long-polls until an invocation is queued; {@code /response},
 * {@code /error} and {@code /init/error} are recorded. Thread-safe; close it to stop the server, which fails every
 * invocation still pending.
 *
 * <p>Like Lambda's, one emulator serves one execution environment: use a fresh one per runtime process. A
 * {@code /next} long-poll whose process died stays parked until an invocation arrives; the emulator puts that
 * invocation back when delivering it fails, but a write into a connection the peer has just closed can appear to
 * succeed, so such an invocation may be lost.
 */
public final class RuntimeApiEmulator implements AutoCloseable {
    /** The Runtime API path prefix. */
    public static final String PREFIX = "/2018-06-01/runtime";
    /** The largest synchronous response payload Lambda accepts: 6 MiB. */
    public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final Invocation POISON = new Invocation("", new byte[0], 0, "", "", null, null, null);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final LinkedBlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<InitError> initError = new CompletableFuture<>();
    private final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextCalls = new AtomicInteger();
    private volatile boolean closed;

    private RuntimeApiEmulator(String functionName) {
        this.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the Runtime API emulator on 127.0.0.1", e);
        }
        // /next parks a thread per runtime until work arrives; a small pool must not starve /response.
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX + "/", this::route);
        server.start();
    }

    /** @return a running emulator for a function named {@code allframe-test} */
    public static RuntimeApiEmulator start() {
        return start("allframe-test");
    }

    /**
     * @param functionName the function name used in the invoked function ARN
     * @return a running emulator
     */
    public static RuntimeApiEmulator start(String functionName) {
        return new RuntimeApiEmulator(Objects.requireNonNull(functionName, "functionName"));
    }

    /** @return {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API} for a runtime */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the ARN sent as {@code Lambda-Runtime-Invoked-Function-Arn} */
    public String functionArn() {
        return functionArn;
    }

    /**
     * Queues an invocation with a 30-second deadline.
     *
     * @param eventJson the event payload
     * @return the runtime's answer, completed when it posts a response or an error
     */
    public CompletableFuture<InvocationResult> invoke(String eventJson) {
        return invoke(eventJson, Duration.ofSeconds(30), "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    }

    /**
     * Queues an invocation.
     *
     * @param eventJson the event payload
     * @param timeout the function timeout: the deadline sent is now plus this
     * @param traceId the {@code Lambda-Runtime-Trace-Id} header, or {@code null} for none
     * @return the runtime's answer, completed when it posts a response or an error
     * @throws IllegalStateException if the emulator is closed
     */
    public CompletableFuture<InvocationResult> invoke(String eventJson, Duration timeout, String traceId) {
        return invoke(eventJson, timeout, traceId, null, null);
    }

    /**
     * Queues an invocation as the AWS Mobile SDK makes them: with the client application's context and the caller's
     * Amazon Cognito identity, which the Runtime API passes on as the {@code Lambda-Runtime-Client-Context} and
     * {@code Lambda-Runtime-Cognito-Identity} headers of {@code /next}.
     *
     * @param eventJson the event payload
     * @param timeout the function timeout: the deadline sent is now plus this
     * @param traceId the {@code Lambda-Runtime-Trace-Id} header, or {@code null} for none
     * @param clientContextJson the client context JSON
     *        ({@code {"client":{"installation_id":..},"custom":{..},"env":{..}}}), or {@code null} for none
     * @param cognitoIdentityJson the identity JSON ({@code {"cognitoIdentityId":..,"cognitoIdentityPoolId":..}}), or
     *        {@code null} for none
     * @return the runtime's answer, completed when it posts a response or an error
     * @throws IllegalStateException if the emulator is closed
     */
    public CompletableFuture<InvocationResult> invoke(String eventJson, Duration timeout, String traceId,
                                                      String clientContextJson, String cognitoIdentityJson) {
        Objects.requireNonNull(eventJson, "eventJson");
        if (closed) {
            throw new IllegalStateException("the Runtime API emulator is closed");
        }
        String id = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        Invocation inv = new Invocation(id, eventJson.getBytes(StandardCharsets.UTF_8), deadline, functionArn,
                traceId, clientContextJson, cognitoIdentityJson, new CompletableFuture<>());
        inFlight.put(id, new Pending(inv));
        queue.add(inv);
        return inv.result;
    }

    /** @return a future completed when the runtime reports an initialisation error */
    public CompletableFuture<InitError> initError() {
        return initError;
    }

    /** @return how many times a runtime has called {@code /next} */
    public int nextCalls() {
        return nextCalls.get();
    }

    /** @return requests the emulator rejected (unknown request id, bad path, duplicate answer), for assertions */
    public List<String> protocolErrors() {
        return List.copyOf(protocolErrors);
    }

    /** Stops the server; pending invocations fail and waiting runtimes see their connection closed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(POISON);
        server.stop(0);
        executor.shutdownNow();
        inFlight.values().forEach(p -> p.invocation.result.completeExceptionally(
                new IllegalStateException("the Runtime API emulator closed before the runtime answered")));
        initError.completeExceptionally(new IllegalStateException("the Runtime API emulator closed"));
    }

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath().substring(PREFIX.length());
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("/invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && path.equals("/init/error")) {
                byte[] body = ex.getRequestBody().readAllBytes();
                initError.complete(new InitError(ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
                        new String(body, StandardCharsets.UTF_8)));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("/invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                answer(ex, path);
            } else {
                protocolErrors.add(method + " " + path + ": not a Runtime API endpoint");
                send(ex, 404, "{\"errorMessage\":\"unknown endpoint\",\"errorType\":\"InvalidRequest\"}");
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        nextCalls.incrementAndGet();
        Invocation inv;
        try {
            inv = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (inv == POISON) {
            queue.add(POISON);
            return;
        }
        var h = ex.getResponseHeaders();
        h.add("Content-Type", "application/json");
        h.add("Lambda-Runtime-Aws-Request-Id", inv.id);
        h.add("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineMs));
        h.add("Lambda-Runtime-Invoked-Function-Arn", inv.functionArn);
        if (inv.traceId != null) {
            h.add("Lambda-Runtime-Trace-Id", inv.traceId);
        }
        if (inv.clientContext != null) {
            h.add("Lambda-Runtime-Client-Context", inv.clientContext);
        }
        if (inv.cognitoIdentity != null) {
            h.add("Lambda-Runtime-Cognito-Identity", inv.cognitoIdentity);
        }
        try {
            ex.sendResponseHeaders(200, inv.event.length == 0 ? -1 : inv.event.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(inv.event);
            }
        } catch (IOException e) {
            queue.addFirst(inv); // the runtime that asked is gone; the next one gets it
            throw e;
        }
    }

    private void answer(HttpExchange ex, String path) throws IOException {
        boolean error = path.endsWith("/error");
        String id = path.substring("/invocation/".length(), path.lastIndexOf('/'));
        byte[] body = readLimited(ex.getRequestBody());
        Pending pending = inFlight.remove(id);
        if (pending == null) {
            protocolErrors.add("POST " + path + ": unknown or already answered request id " + id);
            send(ex, 400, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        if (body == null) {
            pending.invocation.result.complete(new InvocationResult(id, false, "",
                    "Function.ResponseSizeTooLarge", System.nanoTime()));
            send(ex, 413, "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
            return;
        }
        String errorType = error ? ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type") : null;
        pending.invocation.result.complete(new InvocationResult(id, !error, new String(body, StandardCharsets.UTF_8),
                errorType, System.nanoTime()));
        send(ex, 202, "{\"status\":\"OK\"}");
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        }
        return bytes;
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /**
     * Waits for a future with a bound, so a test never hangs on a runtime that died.
     *
     * @param future a future from {@link #invoke(String)} or {@link #initError()}
     * @param timeout how long to wait
     * @param <T> the value's type
     * @return the value
     * @throws AssertionError if it did not complete in time or failed
     */
    public static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the runtime", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the runtime did not answer within " + timeout, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("the invocation failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private record Invocation(String id, byte[] event, long deadlineMs, String functionArn, String traceId,
                              String clientContext, String cognitoIdentity,
                              CompletableFuture<InvocationResult> result) {
    }

    private record Pending(Invocation invocation) {
    }

    /**
     * What a runtime answered to one invocation.
     *
     * @param requestId the invocation's request id
     * @param success {@code true} for {@code /response}, {@code false} for {@code /error} (or an oversized response)
     * @param body the response payload, or the error document the runtime posted
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header of an error, else {@code null}
     * @param receivedAtNanos {@link System#nanoTime()} when the emulator received the answer
     */
    public record InvocationResult(String requestId, boolean success, String body, String errorType,
                                   long receivedAtNanos) {
    }

    /**
     * An initialisation error a runtime reported on {@code /init/error}.
     *
     * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null}
     * @param body the error document
     */
    public record InitError(String errorType, String body) {
    }
}
