package dev.allframe.server;

/**
 * Turns SIGTERM into a graceful drain and exit status 0. A plain shutdown hook would drain too, but the JVM then
 * exits with 143 (128 + SIGTERM), which Cloud Run and systemd report as a failure; handling the signal lets us
 * exit 0 after draining. The hook stays as a fallback for every other way the JVM exits.
 */
final class ShutdownSignals {
    private static final System.Logger LOG = System.getLogger(ShutdownSignals.class.getName());

    private ShutdownSignals() {
    }

    static void install(HttpServer server) {
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "allframe-shutdown-hook"));
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal ->
                    Thread.ofPlatform().name("allframe-sigterm").start(() -> {
                        LOG.log(System.Logger.Level.INFO, "SIGTERM: draining");
                        server.close();
                        System.exit(0);
                    }));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // For example with -Xrs: the shutdown hook still drains, but the exit status will be 143.
            LOG.log(System.Logger.Level.WARNING, "cannot handle SIGTERM ({0}); draining from a shutdown hook", e);
        }
    }
}
