package dev.allframe.server;

import dev.allframe.http.Headers;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code GET /_allframe/routes} (the application's routes as JSON) in front of a router, for {@code allframe dev}
 * to print them. On only when asked ({@code ALLFRAME_DEV=1} or {@link HttpServer.Builder#devEndpoints(boolean)}):
 * a deployed service does not describe itself.
 */
final class DevRoutes implements Router {
    static final String PATH = "/_allframe/routes";

    private final Router router;
    private final byte[] body;

    DevRoutes(Router router) {
        this.router = router;
        List<Map<String, String>> routes = router.routes().stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("method", r.method().name());
            m.put("path", r.template());
            return m;
        }).toList();
        this.body = JsonCodecs.defaultCodec().write(Map.of("routes", routes));
    }

    @Override
    public Response handle(Request request) {
        if (request.path().equals(PATH) && request.method().equals(HttpMethod.GET)) {
            return new Response(200, Headers.of("content-type", "application/json", "cache-control", "no-store"), body);
        }
        return router.handle(request);
    }

    @Override
    public List<Route> routes() {
        return router.routes();
    }
}
