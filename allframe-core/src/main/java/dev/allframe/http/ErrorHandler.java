package dev.allframe.http;

/**
 * Turns an exception of one type into a response. Registered on {@link Router.Builder#error}; the most specific
 * registered type wins.
 *
 * @param <T> the exception type
 */
@FunctionalInterface
public interface ErrorHandler<T extends Throwable> {
    /**
     * @param error the exception a handler or filter threw
     * @param request the request being handled
     * @return the response to send
     */
    Response handle(T error, Request request);
}
