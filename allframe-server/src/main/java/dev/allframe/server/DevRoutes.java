package dev.allframe.server;

import dev.allframe.http.Headers;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.json.JsonCodecs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Development mode in front of a router, for {@code allframe dev}: {@code GET /_allframe/routes} (the application's
 * routes and the development routes, as JSON, for dev to print them) and the development routes given to
 * {@link HttpServer.Builder#devRoutes}, all under {@value #PREFIX}. On only when asked ({@code ALLFRAME_DEV=1} or
 * {@link HttpServer.Builder#devEndpoints(boolean)}): a deployed service neither describes itself nor serves tools.
 */
final class DevRoutes implements Router {
    /** Where development routes live; the application's own routes are never shadowed outside it. */
    static final String PREFIX = "/_allframe/";
    static final String PATH = PREFIX + "routes";

    private final Router router;
    private final Router dev;
    /**
     * The first path segments under {@value #PREFIX} the development routes use ({@code events} for
     * {@code /_allframe/events/...}): those paths are theirs; the application's own routes under {@value #PREFIX}
     * (an operator's API such as {@code /_allframe/projections}) stay reachable.
     */
    private final Set<String> devSegments = new HashSet<>();
    private final byte[] body;

    /**
     * @param router the application
     * @param dev the development routes, or {@code null}
     * @throws IllegalArgumentException if a development route is outside {@value #PREFIX}
     */
    DevRoutes(Router router, Router dev) {
        this.router = router;
        this.dev = dev;
        List<Route> listed = new ArrayList<>(router.routes());
        if (dev != null) {
            for (Route r : dev.routes()) {
                if (!r.template().startsWith(PREFIX) || r.template().equals(PATH)) {
                    throw new IllegalArgumentException("development route " + r.method() + " " + r.template()
                            + " (expected under " + PREFIX + ", and not " + PATH + ")");
                }
                devSegments.add(firstSegment(r.template()));
            }
            listed.addAll(dev.routes());
        }
        List<Map<String, String>> routes = listed.stream().map(r -> {
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
        if (dev != null && request.path().startsWith(PREFIX) && devSegments.contains(firstSegment(request.path()))) {
            return dev.handle(request);
        }
        return router.handle(request);
    }

    /** The segment after {@value #PREFIX}: {@code events} for {@code /_allframe/events/sqs/q}. */
    private static String firstSegment(String path) {
        int end = path.indexOf('/', PREFIX.length());
        return path.substring(PREFIX.length(), end < 0 ? path.length() : end);
    }

    @Override
    public List<Route> routes() {
        return router.routes();
    }
}
