package dev.allframe.http;

/**
 * An exception that is an HTTP error response: the router answers it with its {@link Problem}. Throw it from a
 * handler for a client error whose cause the client can fix; the detail is shown to the client.
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** @param problem the problem to answer with */
    public HttpException(Problem problem) {
        super(problem.status() + " " + problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    /**
     * @param status an error status, 400..599
     * @param detail a message for the client
     */
    public HttpException(int status, String detail) {
        this(Problem.of(status, detail));
    }

    /** @return the problem this exception answers with */
    public Problem problem() {
        return problem;
    }

    /** @return the HTTP status */
    public int status() {
        return problem.status();
    }

    /**
     * @param detail what was wrong with the request
     * @return a 400 Bad Request
     */
    public static HttpException badRequest(String detail) {
        return new HttpException(Status.BAD_REQUEST, detail);
    }

    /**
     * @param detail what was not found
     * @return a 404 Not Found
     */
    public static HttpException notFound(String detail) {
        return new HttpException(Status.NOT_FOUND, detail);
    }

    /**
     * @param detail the conflict
     * @return a 409 Conflict
     */
    public static HttpException conflict(String detail) {
        return new HttpException(Status.CONFLICT, detail);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a client error is not a bug: no stack to capture
    }
}
