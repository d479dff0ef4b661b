package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;

/** A server in a child JVM for the Cloud Run test: configured from the environment alone, like an application. */
public final class CloudRunMain {
    private static final System.Logger LOG = System.getLogger("app.CloudRunMain");

    private CloudRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Router router = Router.builder()
                .get("/hello", req -> {
                    LOG.log(System.Logger.Level.INFO, "hello from {0}", req.path());
                    return Response.text("hello");
                })
                .get("/fail", req -> {
                    LOG.log(System.Logger.Level.ERROR, "it broke", new IllegalStateException("boom"));
                    return Response.text("logged");
                })
                .get("/slow/{ms}", req -> {
                    LOG.log(System.Logger.Level.INFO, "slow request started");
                    Thread.sleep(Long.parseLong(req.pathParam("ms")));
                    return Response.text("done");
                })
                .build();
        HttpServer.fromEnvironment(System.getenv()).host("127.0.0.1").router(router).handleSignals(true)
                .build().start().awaitTermination();
    }
}
