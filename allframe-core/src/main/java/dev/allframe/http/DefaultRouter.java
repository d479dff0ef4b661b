package dev.allframe.http;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Router} built by {@link Router.Builder}. */
final class DefaultRouter implements Router {
    private final List<Route> routes;
    private final RouteTrie trie;
    private final ErrorMapper errors;
    private final long maxBodyBytes;
    private final Handler chain;

    DefaultRouter(List<Route> routes, RouteTrie trie, List<Filter> filters, ErrorMapper errors, long maxBodyBytes) {
        this.routes = routes;
        this.trie = trie;
        this.errors = errors;
        this.maxBodyBytes = maxBodyBytes;
        Handler h = new Dispatch(this); // a named class, not a method reference: no class spun at start-up
        for (int i = filters.size() - 1; i >= 0; i--) {
            Filter f = filters.get(i);
            Handler next = h;
            h = request -> f.filter(request, next);
        }
        this.chain = h;
    }

    @Override
    public Response handle(Request request) {
        try {
            Response response = chain.handle(request);
            return response != null ? response : nullResponse(request);
        } catch (Throwable t) {
            return errors.map(t, request);
        }
    }

    @Override
    public List<Route> routes() {
        return routes;
    }

    private Response dispatch(Request request) {
        if (request.body().length > maxBodyBytes) {
            return Response.problem(Problem.of(Status.CONTENT_TOO_LARGE, "The request body of "
                    + request.body().length + " bytes exceeds the limit of " + maxBodyBytes + " bytes"));
        }
        Match match = trie.match(request.method(), RouteTrie.splitPath(request.path()));
        if (match.allowed().isEmpty()) {
            return Response.problem(Problem.of(Status.NOT_FOUND, "No route for " + request.method() + " "
                    + shorten(request.path())));
        }
        if (match.route() == null) {
            // Built only here: a matched route never needs it (it showed in server profiles and cold starts).
            String allow = match.allowed().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            if (request.method().equals(HttpMethod.OPTIONS)) {
                return Response.noContent().withHeader("allow", allow);
            }
            return Response.problem(Problem.of(Status.METHOD_NOT_ALLOWED, request.method() + " is not allowed on "
                    + shorten(request.path()) + "; allowed: " + allow)).withHeader("allow", allow);
        }
        Request routed = match.params().values().isEmpty() ? request
                : request.withAttribute(Request.PATH_PARAMS, match.params());
        Response response;
        try {
            response = match.route().handler().handle(routed);
            if (response == null) {
                response = nullResponse(routed);
            }
        } catch (Throwable t) {
            response = errors.map(t, routed);
        }
        if (request.method().equals(HttpMethod.HEAD) && !match.route().method().equals(HttpMethod.HEAD)) {
            return new Response(response.status(),
                    response.headers().with("content-length", Integer.toString(response.body().length)), null);
        }
        return response;
    }

    private static Response nullResponse(Request request) {
        return ErrorMapper.unexpected(new IllegalStateException("The handler for " + request.method() + " "
                + request.path() + " returned null instead of a Response"), request);
    }

    private static String shorten(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }

    @Override
    public String toString() {
        Set<String> lines = routes.stream().map(r -> r.method() + " " + r.template())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return "Router" + lines;
    }

    /** The innermost handler of the filter chain: routing itself. */
    private static final class Dispatch implements Handler {
        private final DefaultRouter router;

        Dispatch(DefaultRouter router) {
            this.router = router;
        }

        @Override
        public Response handle(Request request) throws Exception {
            return router.dispatch(request);
        }
    }
}
