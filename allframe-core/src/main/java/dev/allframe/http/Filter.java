package dev.allframe.http;

/**
 * Wraps request handling: logging, authentication, headers. Filters run in registration order around routing,
 * so they also see 404 and 405 answers.
 */
@FunctionalInterface
public interface Filter {
    /**
     * @param request the request
     * @param next the rest of the chain; call it zero or one time
     * @return the response
     * @throws Exception anything; mapped to a response by the router's error handlers
     */
    Response filter(Request request, Handler next) throws Exception;
}
