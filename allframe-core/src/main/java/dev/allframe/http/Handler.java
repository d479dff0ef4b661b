package dev.allframe.http;

/**
 * Handles one request. A handler may throw: the router turns exceptions into problem responses by type
 * ({@link HttpException} as itself, unknown ones as a 500 without internals), so user code stays plain.
 */
@FunctionalInterface
public interface Handler {
    /**
     * @param request the request
     * @return the response
     * @throws Exception anything; mapped to a response by the router's error handlers
     */
    Response handle(Request request) throws Exception;
}
