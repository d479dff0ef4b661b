package dev.allframe.http;

import dev.allframe.inject.ConfigurationException;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.MissingJsonAdapterException;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Maps exceptions to responses by the most specific registered type; unknown ones to a 500 without internals. */
final class ErrorMapper {
    /** Created on first use: a logger costs a cold start dozens of JDK classes, and most requests never log. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("dev.allframe.http.Router");
    }

    private final Map<Class<?>, ErrorHandler<Throwable>> handlers;

    private ErrorMapper(Map<Class<?>, ErrorHandler<Throwable>> handlers) {
        this.handlers = handlers;
    }

    Response map(Throwable error, Request request) {
        if (error instanceof VirtualMachineError vme && !(vme instanceof StackOverflowError)) {
            throw vme;
        }
        for (Class<?> c = error.getClass(); c != null; c = c.getSuperclass()) {
            ErrorHandler<Throwable> handler = handlers.get(c);
            if (handler != null) {
                try {
                    Response response = handler.handle(error, request);
                    if (response != null) {
                        return response;
                    }
                } catch (RuntimeException e) {
                    error.addSuppressed(e);
                }
                break;
            }
        }
        if (error instanceof HttpException http) {
            return Response.problem(http.problem());
        }
        return unexpected(error, request);
    }

    /**
     * Logs the exception once with an id and answers 500 naming only the id. A {@linkplain #serverFault fault of the
     * server's build or configuration} is one line naming what to fix; anything else has its stack trace.
     */
    static Response unexpected(Throwable error, Request request) {
        String id = UUID.randomUUID().toString();
        Throwable fault = serverFault(error);
        if (fault != null) {
            Log.LOG.log(System.Logger.Level.ERROR, "Server fault (error id " + id + ") for " + request.method() + " "
                    + request.path() + ": " + oneLine(fault.getMessage()));
        } else {
            Log.LOG.log(System.Logger.Level.ERROR, "Unhandled exception (error id " + id + ") for " + request.method()
                    + " " + request.path(), error);
        }
        try {
            return Response.problem(Problem.of(Status.INTERNAL_SERVER_ERROR,
                    "An unexpected error occurred; quote error id " + id + " when reporting it").with("errorId", id));
        } catch (RuntimeException codecFailure) {
            return new Response(Status.INTERNAL_SERVER_ERROR, Headers.of("content-type", Problem.MEDIA_TYPE),
                    ("{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /**
     * @param error a failure
     * @return the fault of the server's build or configuration behind it (a type without a JSON adapter, a
     *         malformed environment), or {@code null}
     */
    static Throwable serverFault(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MissingJsonAdapterException || t instanceof ConfigurationException) {
                return t;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ");
    }

    static final class Builder {
        private final Map<Class<?>, ErrorHandler<Throwable>> handlers = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T extends Throwable> void add(Class<T> type, ErrorHandler<? super T> handler) {
            java.util.Objects.requireNonNull(type, "type");
            java.util.Objects.requireNonNull(handler, "handler");
            if (handlers.putIfAbsent(type, (ErrorHandler<Throwable>) handler) != null) {
                throw new IllegalStateException("Duplicate error handler for " + type.getName());
            }
        }

        ErrorMapper build() {
            return new ErrorMapper(Map.copyOf(handlers));
        }
    }

    static {
        // Fail at class initialisation, not at the first error, if the JSON codec cannot load.
        JsonCodecs.class.getName();
    }
}
