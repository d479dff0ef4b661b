package dev.allframe.server;

import dev.allframe.health.HealthChecks;
import dev.allframe.http.Attribute;
import dev.allframe.http.Router;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP/1.1 and HTTP/2 server that answers every request with a {@link Router}.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.fromEnvironment(System.getenv())   // PORT, default 8080
 *         .router(router)
 *         .onShutdown(eventStore)
 *         .handleSignals(true)                                      // SIGTERM drains, then exits 0
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Besides the router's routes the server answers {@code GET /health}, {@code /ready} and {@code /live} with a
 * JSON report (200 when up, 503 when down) of the {@link HealthChecks} given to the builder; readiness also goes
 * down while the server drains. {@link #close()} drains gracefully: stop accepting, tell open connections to stop
 * (HTTP/1.1 {@code connection: close}, HTTP/2 {@code GOAWAY}), let in-flight requests finish within the grace
 * period, then close the registered resources. Thread-safe.
 */
public interface HttpServer extends AutoCloseable {
    /** The client's address, attached to every request this server hands to the router. */
    Attribute<InetSocketAddress> REMOTE_ADDRESS = Attribute.of("allframe.remoteAddress", InetSocketAddress.class);

    /** The protocol a request arrived with: {@code "HTTP/1.1"}, {@code "HTTP/1.0"} or {@code "HTTP/2"}. */
    Attribute<String> PROTOCOL = Attribute.of("allframe.protocol", String.class);

    /**
     * Binds the port and starts serving.
     *
     * @return this server
     * @throws IllegalStateException if the server was started before, or the address cannot be bound
     */
    HttpServer start();

    /**
     * @return the bound port (useful with port 0)
     * @throws IllegalStateException if the server is not started
     */
    int port();

    /**
     * @return the bound address
     * @throws IllegalStateException if the server is not started
     */
    InetSocketAddress address();

    /** @return whether the server is shutting down (readiness is then down) */
    boolean draining();

    /**
     * Shuts down gracefully, waiting at most the shutdown grace period for in-flight requests, then closes the
     * resources registered with {@link Builder#onShutdown(AutoCloseable)}. Idempotent; a second caller waits for
     * the first to finish.
     */
    @Override
    void close();

    /**
     * Blocks until the server has been closed, for a {@code main} that has nothing else to do.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void awaitTermination() throws InterruptedException;

    /** @return a builder with the defaults documented on its setters */
    static Builder builder() {
        return new Builder();
    }

    /**
     * A builder configured from environment variables: {@code PORT} (default 8080), as Cloud Run sets it.
     *
     * @param environment the environment, usually {@code System.getenv()}
     * @return a builder
     * @throws IllegalArgumentException if {@code PORT} is set but not a port number
     */
    static Builder fromEnvironment(Map<String, String> environment) {
        return builder().environment(environment);
    }

    /**
     * A mutable, not thread-safe builder of {@link HttpServer}s; the server it builds is independent of it.
     */
    final class Builder {
        /** The port used when neither {@link #port(int)} nor {@code PORT} says otherwise. */
        public static final int DEFAULT_PORT = 8080;

        /** How long a new connection may take to start its first request: 10 s (see {@link #connectionStartTimeout}). */
        public static final Duration DEFAULT_CONNECTION_START_TIMEOUT = Duration.ofSeconds(10);

        Router router;
        String host = "0.0.0.0";
        int port = DEFAULT_PORT;
        Path certPem;
        Path keyPem;
        int maxHeaderBytes = 16 * 1024;
        int maxRequestLineBytes = 8 * 1024;
        long maxBodyBytes = Router.Builder.DEFAULT_MAX_BODY_BYTES;
        Duration idleTimeout = Duration.ofSeconds(60);
        Duration connectionStartTimeout = DEFAULT_CONNECTION_START_TIMEOUT;
        Duration requestTimeout = Duration.ofSeconds(30);
        Duration shutdownGrace = Duration.ofSeconds(10);
        HealthChecks health = HealthChecks.none();
        final List<AutoCloseable> resources = new ArrayList<>();
        boolean handleSignals;
        boolean devEndpoints;
        /** What turned the development endpoints on, for the refusal's message. */
        String devSource = "devEndpoints(true)";
        /** The variables of the environment given to {@link #environment} that say the process is deployed. */
        List<String> deployedBy = List.of();
        final List<java.util.function.Consumer<Router.Builder>> devRoutes = new ArrayList<>();
        int ioThreads = Runtime.getRuntime().availableProcessors();

        Builder() {
        }

        /**
         * @param router the application; required
         * @return this builder
         */
        public Builder router(Router router) {
            this.router = Objects.requireNonNull(router, "router");
            return this;
        }

        /**
         * @param port the TCP port, 0 for any free one; default {@value #DEFAULT_PORT}
         * @return this builder
         * @throws IllegalArgumentException if outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port (expected 0..65535): " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param host the interface to listen on; default {@code 0.0.0.0} (all)
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Reads settings from environment variables: {@code PORT}; {@code ALLFRAME_SHUTDOWN_GRACE} ({@code 9s},
         * {@code 2500ms}), which on Cloud Run ({@code K_SERVICE} set) defaults to 8 s, so that teardown and exit
         * still end within Cloud Run's 10 s; and switches logging to Cloud Logging JSON on standard output when
         * {@code K_SERVICE} is set or {@code ALLFRAME_LOG_FORMAT=json} (see
         * {@link dev.allframe.server.logging.CloudLogging}); {@code ALLFRAME_CONNECTION_START_TIMEOUT}
         * ({@link #connectionStartTimeout}); {@code ALLFRAME_DEV=1} turns on {@link #devEndpoints(boolean)}, which
         * {@link #build()} then refuses if the environment is deployed: {@code K_SERVICE} (Cloud Run) or any
         * {@code AWS_LAMBDA_*} variable (AWS Lambda) set.
         *
         * @param environment the environment
         * @return this builder
         * @throws IllegalArgumentException if {@code PORT} is set but not a port number, or another variable has a
         *     bad value
         */
        public Builder environment(Map<String, String> environment) {
            String value = environment.get("PORT");
            if (value != null && !value.isBlank()) {
                int parsed;
                try {
                    parsed = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("PORT (expected a port number 0..65535): '" + value + "'");
                }
                port(parsed);
            }
            deployedBy = DeployedEnvironment.variables(environment);
            CloudRunEnvironment.apply(this, environment);
            return this;
        }

        /**
         * Serves HTTPS (HTTP/2 or HTTP/1.1 chosen by ALPN) instead of cleartext; default off.
         *
         * @param certificateChainPem a PEM file with the certificate chain, leaf first
         * @param privateKeyPem a PEM file with the unencrypted PKCS#8 private key
         * @return this builder
         */
        public Builder tls(Path certificateChainPem, Path privateKeyPem) {
            this.certPem = Objects.requireNonNull(certificateChainPem, "certificateChainPem");
            this.keyPem = Objects.requireNonNull(privateKeyPem, "privateKeyPem");
            return this;
        }

        /**
         * Limits the request line plus header fields (HTTP/1.1) or the header list (HTTP/2); larger requests get
         * 431. Default 16 KiB.
         *
         * @param max bytes, at least 1024
         * @return this builder
         */
        public Builder maxHeaderBytes(int max) {
            if (max < 1024) {
                throw new IllegalArgumentException("maxHeaderBytes (expected >= 1024): " + max);
            }
            this.maxHeaderBytes = max;
            return this;
        }

        /**
         * Limits request bodies; a larger {@code content-length} is refused with 413 before anything is buffered,
         * and so is a body that grows past it. Default 10 MiB.
         *
         * @param max bytes, 0..{@link Integer#MAX_VALUE} - 8
         * @return this builder
         */
        public Builder maxBodyBytes(long max) {
            if (max < 0 || max > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("maxBodyBytes (expected 0.." + (Integer.MAX_VALUE - 8) + "): " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        /**
         * Closes a connection that has no request in progress and sent nothing for this long. Default 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /**
         * Closes a connection that has not started its first request this long after it was accepted, so that
         * sockets which never say anything cannot pile up until the process runs out of file descriptors. In time
         * means: the TLS handshake and ALPN (with {@link #tls}), the choice between HTTP/1.1 and HTTP/2, and the
         * first request's line and header fields (HTTP/2: the connection preface and the first request's
         * {@code HEADERS}). The connection is closed without an answer (HTTP/2: {@code GOAWAY}). Once the first
         * request has started, {@link #requestTimeout} bounds its body and {@link #idleTimeout} the pauses between
         * requests; this timeout no longer applies. Default 10 s ({@link #DEFAULT_CONNECTION_START_TIMEOUT});
         * {@link #environment(Map)} reads {@code ALLFRAME_CONNECTION_START_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectionStartTimeout(Duration timeout) {
            this.connectionStartTimeout = positive("connectionStartTimeout", timeout);
            return this;
        }

        /**
         * Bounds the time a client may take to send one whole request once it started: a slow HTTP/1.1 client
         * gets 408 and the connection is closed; a slow HTTP/2 stream gets 408 and is reset, other streams go on.
         * Default 30 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * How long {@link HttpServer#close()} waits for in-flight requests. Default 10 s (Cloud Run allows 10 s
         * between SIGTERM and SIGKILL).
         *
         * @param grace a non-negative duration
         * @return this builder
         */
        public Builder shutdownGrace(Duration grace) {
            Objects.requireNonNull(grace, "shutdownGrace");
            if (grace.isNegative()) {
                throw new IllegalArgumentException("shutdownGrace (expected >= 0): " + grace);
            }
            this.shutdownGrace = grace;
            return this;
        }

        /**
         * @param checks the checks behind {@code /health}, {@code /ready} and {@code /live}; default none
         * @return this builder
         */
        public Builder health(HealthChecks checks) {
            this.health = Objects.requireNonNull(checks, "checks");
            return this;
        }

        /**
         * Registers a resource (an event store, a connection pool) to close after the server drained; resources
         * close in reverse registration order.
         *
         * @param resource the resource
         * @return this builder
         */
        public Builder onShutdown(AutoCloseable resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /**
         * When on, {@link HttpServer#start()} makes SIGTERM drain the server and exit the JVM with status 0, and
         * adds a shutdown hook that drains on any other JVM exit. For a {@code main}; default off (tests and
         * embedding applications manage the life cycle themselves).
         *
         * <p>The builder then also owns the process when it refuses to build: instead of throwing, {@link #build()}
         * prints its one-line reason to standard error and exits with status 2, so a {@code main} shows no stack
         * trace and needs no code of its own.
         *
         * @param on whether to take over SIGTERM
         * @return this builder
         */
        public Builder handleSignals(boolean on) {
            this.handleSignals = on;
            return this;
        }

        /**
         * Adds {@code GET /_allframe/routes}, the application's routes as JSON, for {@code allframe dev}. Default
         * off; {@link #environment(Map)} turns it on when {@code ALLFRAME_DEV=1}. Never in a deployed environment:
         * if the environment given to {@link #environment(Map)} has {@code K_SERVICE} or an {@code AWS_LAMBDA_*}
         * variable, {@link #build()} refuses.
         *
         * @param on whether to answer the development endpoints
         * @return this builder
         */
        public Builder devEndpoints(boolean on) {
            this.devEndpoints = on;
            return this;
        }

        /**
         * Routes served only in development mode ({@link #devEndpoints(boolean)} on, which {@code allframe dev}
         * turns on with {@code ALLFRAME_DEV=1}), in front of the application's router and listed by
         * {@code GET /_allframe/routes}; a deployed server (Cloud Run, any VM) never has them. For tools that must
         * never reach production, such as the local event endpoints of {@code allframe-lambda}:
         * <pre>{@code
         * .devRoutes(routes -> LocalEventsRoutes.register(routes, AllFrameHandler.of(() -> router, app::eventSources)))
         * }</pre>
         * The consumer runs in {@link #build()} and only in development mode, so outside it nothing it refers to
         * is even loaded. Development routes live under {@code /_allframe/}, apart from the application's.
         *
         * @param routes adds the development routes to the builder it is given
         * @return this builder
         */
        public Builder devRoutes(java.util.function.Consumer<Router.Builder> routes) {
            devRoutes.add(Objects.requireNonNull(routes, "routes"));
            return this;
        }

        /**
         * @param threads the number of I/O event-loop threads; default the number of processors
         * @return this builder
         */
        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads (expected >= 1): " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * @return the server, not yet started
         * @throws IllegalStateException if no router was given; or if the development endpoints are on in a
         *     deployed environment ({@code K_SERVICE} or {@code AWS_LAMBDA_*} in the environment given to
         *     {@link #environment(Map)}), before any {@link #devRoutes} consumer runs; with
         *     {@link #handleSignals(boolean) handleSignals(true)} that refusal is instead one line on standard error
         *     and exit status 2
         * @throws IllegalArgumentException in development mode, if a {@link #devRoutes development route} is not
         *     under {@code /_allframe/}
         */
        public HttpServer build() {
            if (router == null) {
                throw new IllegalStateException("router is required: HttpServer.builder().router(router)");
            }
            if (devEndpoints && !deployedBy.isEmpty()) {
                String line = DeployedEnvironment.refusal(devSource, deployedBy);
                if (handleSignals) {
                    System.err.println(line);
                    System.err.flush();
                    System.exit(DeployedEnvironment.EXIT_STATUS);
                }
                throw new IllegalStateException(line);
            }
            Router served = router;
            if (devEndpoints) {
                Router.Builder extra = null;
                if (!devRoutes.isEmpty()) {
                    extra = Router.builder().maxBodyBytes(maxBodyBytes);
                    for (java.util.function.Consumer<Router.Builder> r : devRoutes) {
                        r.accept(extra);
                    }
                }
                served = new DevRoutes(router, extra == null ? null : extra.build());
            }
            return new NettyHttpServer(new ServerConfig(served, host, port, certPem, keyPem, maxHeaderBytes,
                    maxRequestLineBytes, maxBodyBytes, idleTimeout, connectionStartTimeout, requestTimeout,
                    shutdownGrace, health, List.copyOf(resources), handleSignals, ioThreads));
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " (expected > 0): " + d);
            }
            return d;
        }
    }
}
