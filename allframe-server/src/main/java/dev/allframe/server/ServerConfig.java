package dev.allframe.server;

import dev.allframe.health.HealthChecks;
import dev.allframe.http.Router;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The settings an {@link HttpServer.Builder} collected; see its setters for their meaning and defaults. */
record ServerConfig(Router router, String host, int port, Path certPem, Path keyPem, int maxHeaderBytes,
                    int maxRequestLineBytes, long maxBodyBytes, Duration idleTimeout,
                    Duration connectionStartTimeout, Duration requestTimeout,
                    Duration shutdownGrace, HealthChecks health, List<AutoCloseable> resources,
                    boolean handleSignals, int ioThreads) {
}
