package dev.allframe.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The application as a pure function from {@link Request} to {@link Response}: routes matched by method and path
 * template, filters around them, and exceptions mapped to RFC 9457 problem responses. Immutable and thread-safe;
 * every door (HTTP server, Lambda, tests) calls {@link #handle(Request)}.
 *
 * <p>Path templates are made of {@code /}-separated segments: literals ({@code orders}), parameters
 * ({@code {id}}, one whole segment) and, last only, a catch-all ({@code {rest...}}, the remaining path, possibly
 * empty). Literals win over parameters, parameters over catch-alls. A path that matches no template is a 404; one
 * that matches with another method is a 405 with {@code Allow}. {@code HEAD} falls back to {@code GET} without the
 * body, and {@code OPTIONS} answers with {@code Allow}, unless routes for them are registered.
 */
public interface Router extends Handler {
    /**
     * Handles a request; never throws.
     *
     * @param request the request
     * @return the response, a problem response for any error
     */
    @Override
    Response handle(Request request);

    /** @return the registered routes, in registration order */
    List<Route> routes();

    /** @return a new builder */
    static Builder builder() {
        return new Builder();
    }

    /**
     * A registered route.
     *
     * @param method the method
     * @param template the path template as written
     * @param handler the handler
     */
    record Route(HttpMethod method, String template, Handler handler) {
    }

    /**
     * A mutable, not thread-safe builder of {@link Router}s. Registration fails fast: a malformed template or a
     * second route for the same method and path shape throws at once.
     */
    final class Builder {
        /** The default limit on request bodies: 10 MiB. */
        public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

        final List<Route> routes = new ArrayList<>();
        final List<Filter> filters = new ArrayList<>();
        final ErrorMapper.Builder errors = new ErrorMapper.Builder();
        final RouteTrie trie = new RouteTrie();
        long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;

        Builder() {
        }

        /**
         * Registers a route.
         *
         * @param method the method
         * @param template the path template, for example {@code /orders/{id}}
         * @param handler the handler
         * @return this builder
         * @throws IllegalArgumentException if the template is malformed
         * @throws IllegalStateException if a route with the same method and path shape exists
         */
        public Builder route(HttpMethod method, String template, Handler handler) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(handler, "handler");
            Route route = new Route(method, template, handler);
            trie.add(route);
            routes.add(route);
            return this;
        }

        /** Registers a GET route. @param template the path template @param handler the handler @return this builder */
        public Builder get(String template, Handler handler) {
            return route(HttpMethod.GET, template, handler);
        }

        /** Registers a POST route. @param template the path template @param handler the handler @return this builder */
        public Builder post(String template, Handler handler) {
            return route(HttpMethod.POST, template, handler);
        }

        /** Registers a PUT route. @param template the path template @param handler the handler @return this builder */
        public Builder put(String template, Handler handler) {
            return route(HttpMethod.PUT, template, handler);
        }

        /** Registers a DELETE route. @param template the path template @param handler the handler @return this builder */
        public Builder delete(String template, Handler handler) {
            return route(HttpMethod.DELETE, template, handler);
        }

        /** Registers a PATCH route. @param template the path template @param handler the handler @return this builder */
        public Builder patch(String template, Handler handler) {
            return route(HttpMethod.PATCH, template, handler);
        }

        /**
         * Adds a filter; filters run in the order added, the first outermost.
         *
         * @param filter the filter
         * @return this builder
         */
        public Builder filter(Filter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Maps an exception type to a response; the most specific registered type wins. Built in:
         * {@link HttpException} to its problem, anything else to a 500 problem without internals.
         *
         * @param type the exception type
         * @param handler its mapping
         * @param <T> the exception type
         * @return this builder
         */
        public <T extends Throwable> Builder error(Class<T> type, ErrorHandler<? super T> handler) {
            errors.add(type, handler);
            return this;
        }

        /**
         * Limits the request body; larger bodies get 413 before any handler runs. Default 10 MiB.
         *
         * @param max the maximum size in bytes
         * @return this builder
         */
        public Builder maxBodyBytes(long max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxBodyBytes (expected >= 0): " + max);
            }
            this.maxBodyBytes = max;
            return this;
        }

        /**
         * Applies a group of registrations, so modules can contribute routes: {@code .apply(orders::routes)}.
         *
         * @param group registrations on this builder
         * @return this builder
         */
        public Builder apply(Consumer<Builder> group) {
            group.accept(this);
            return this;
        }

        /** @return the immutable router */
        public Router build() {
            return new DefaultRouter(List.copyOf(routes), trie.freeze(), List.copyOf(filters), errors.build(),
                    maxBodyBytes);
        }
    }

    /**
     * The outcome of matching a path against the routes.
     *
     * @param route the route for the method, or {@code null}
     * @param params the decoded path parameters
     * @param allowed the methods registered for the path; empty if no template matched
     */
    record Match(Route route, PathParams params, Set<HttpMethod> allowed) {
    }
}
