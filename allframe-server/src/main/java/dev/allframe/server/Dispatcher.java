package dev.allframe.server;

import dev.allframe.health.HealthCheck;
import dev.allframe.health.HealthChecks;
import dev.allframe.health.HealthReport;
import dev.allframe.http.Headers;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;
import dev.allframe.json.JsonCodecs;
import dev.allframe.server.logging.TraceContext;
import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.EventExecutor;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * Runs requests through the router on virtual threads and hands responses back to the connection's event loop;
 * counts requests in flight so shutdown can wait for them. Also answers the health endpoints.
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());

    private final Router router;
    private final HealthChecks health;
    private final ExecutorService handlers;
    private final Object lock = new Object();
    private int inFlight;
    private volatile boolean draining;

    Dispatcher(Router router, HealthChecks health) {
        this(router, health,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("allframe-handler-", 0).factory()));
    }

    /**
     * @param handlers where requests run through the router; the server's is one virtual thread per request, a
     *     test on an {@code EmbeddedChannel} runs them inline to stay on the one thread that channel allows
     */
    Dispatcher(Router router, HealthChecks health, ExecutorService handlers) {
        this.handlers = handlers;
        this.router = router;
        this.health = health.withReadiness("server",
                () -> draining ? HealthCheck.Result.down("draining: shutting down") : HealthCheck.Result.up());
    }

    /**
     * Handles a request on a virtual thread, then calls the writer on the event loop; the request stays in
     * flight until the writer's future completes.
     */
    void dispatch(Request request, EventExecutor loop, Function<Response, ChannelFuture> writer) {
        begin();
        try {
            handlers.execute(() -> {
                Response response = handle(request);
                try {
                    loop.execute(() -> {
                        try {
                            writer.apply(response).addListener(f -> end());
                        } catch (Throwable t) {
                            end();
                            LOG.log(System.Logger.Level.WARNING, "could not write a response", t);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    end(); // the connection's event loop is gone: nobody to answer
                }
            });
        } catch (RejectedExecutionException e) {
            end();
            loop.execute(() -> writer.apply(Response.problem(Problem.of(Status.SERVICE_UNAVAILABLE,
                    "The server is shutting down"))));
        }
    }

    Response handle(Request request) {
        try (var trace = TraceContext.open(TraceContext.fromHeaders(request.headers()).orElse(null))) {
            Response health = healthEndpoint(request);
            return health != null ? health : router.handle(request);
        } catch (Throwable t) {
            // Router.handle never throws; this guards against a broken custom Router.
            LOG.log(System.Logger.Level.ERROR, "unhandled error for " + request.method() + " " + request.path(), t);
            return Response.problem(Problem.of(Status.INTERNAL_SERVER_ERROR, "The server failed to handle the request"));
        }
    }

    private Response healthEndpoint(Request request) {
        HttpMethod m = request.method();
        if (!m.equals(HttpMethod.GET) && !m.equals(HttpMethod.HEAD)) {
            return null;
        }
        HealthReport report = switch (request.path()) {
            case "/health" -> health.all();
            // The /health/... forms are what @CloudRunService's probes (and so the generated Terraform) use.
            case "/ready", "/health/ready" -> health.readiness();
            case "/live", "/health/live" -> health.liveness();
            default -> null;
        };
        if (report == null) {
            return null;
        }
        return new Response(report.httpStatus(),
                Headers.of("content-type", "application/json", "cache-control", "no-store"),
                JsonCodecs.defaultCodec().write(report.toMap()));
    }

    boolean draining() {
        return draining;
    }

    void startDraining() {
        draining = true;
    }

    private void begin() {
        synchronized (lock) {
            inFlight++;
        }
    }

    private void end() {
        synchronized (lock) {
            if (--inFlight == 0) {
                lock.notifyAll();
            }
        }
    }

    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** @return whether every in-flight request finished within the timeout */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    void shutdown() {
        handlers.shutdownNow();
    }
}
