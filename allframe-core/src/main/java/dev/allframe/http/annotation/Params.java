package dev.allframe.http.annotation;

import dev.allframe.http.HttpException;
import dev.allframe.http.Json;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;
import dev.allframe.inject.TextValues;
import dev.allframe.json.JsonCodecs;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Parameter binding and result mapping for the route code {@code allframe-processor} generates. Every failure is
 * an {@link HttpException} 400 whose detail names the parameter, so a client can fix its request.
 */
public final class Params {
    /** Marks "no default": the parameter is required. The same sentinel as {@code @Env}'s: the processor reads both. */
    public static final String REQUIRED = dev.allframe.inject.Env.REQUIRED;

    private Params() {
    }

    /**
     * @param request the request
     * @param name a query parameter
     * @param defaultValue its default, or {@link #REQUIRED}; {@code null} for an optional parameter
     * @return the first value, the default, or {@code null} if optional and absent
     * @throws HttpException 400 if required and absent
     */
    public static String query(Request request, String name, String defaultValue) {
        Optional<String> v = request.query().first(name);
        if (v.isPresent()) {
            return v.get();
        }
        if (REQUIRED.equals(defaultValue)) {
            throw HttpException.badRequest("Missing required query parameter '" + name + "'");
        }
        return defaultValue;
    }

    /**
     * @param request the request
     * @param name a header name
     * @param defaultValue its default, or {@link #REQUIRED}; {@code null} for an optional header
     * @return the first value, the default, or {@code null} if optional and absent
     * @throws HttpException 400 if required and absent
     */
    public static String header(Request request, String name, String defaultValue) {
        String v = request.headers().firstOrNull(name);
        if (v != null) {
            return v;
        }
        if (REQUIRED.equals(defaultValue)) {
            throw HttpException.badRequest("Missing required header '" + name + "'");
        }
        return defaultValue;
    }

    /**
     * Converts a parameter's text.
     *
     * @param text the text; {@code null} passes through
     * @param what the parameter, for the message ("query parameter 'limit'")
     * @param converter text to value, throwing on malformed text
     * @param expected what a valid value looks like ("an integer")
     * @param <T> the value type
     * @return the value, or {@code null} for {@code null} text
     * @throws HttpException 400 naming the parameter if the text is malformed
     */
    public static <T> T convert(String text, String what, Function<String, T> converter, String expected) {
        if (text == null) {
            return null;
        }
        try {
            return converter.apply(text);
        } catch (RuntimeException e) {
            throw HttpException.badRequest("Invalid " + what + ": expected " + expected + ", got '" + text + "'");
        }
    }

    /**
     * @param text the text
     * @param what the parameter, for the message
     * @return the text as an int
     * @throws HttpException 400 if it is not an integer
     */
    public static Integer toInt(String text, String what) {
        return convert(text, what, Integer::valueOf, TextValues.AN_INTEGER);
    }

    /**
     * @param text the text
     * @param what the parameter, for the message
     * @return the text as a long
     * @throws HttpException 400 if it is not an integer
     */
    public static Long toLong(String text, String what) {
        return convert(text, what, Long::valueOf, TextValues.AN_INTEGER);
    }

    /**
     * @param text the text
     * @param what the parameter, for the message
     * @return the text as a double
     * @throws HttpException 400 if it is not a number
     */
    public static Double toDouble(String text, String what) {
        return convert(text, what, Double::valueOf, TextValues.A_NUMBER);
    }

    /**
     * @param text the text
     * @param what the parameter, for the message
     * @return the text as a boolean
     * @throws HttpException 400 unless it is {@code true} or {@code false}, any case
     */
    public static Boolean toBoolean(String text, String what) {
        return convert(text, what, TextValues::parseBoolean, TextValues.TRUE_OR_FALSE);
    }

    /**
     * @param text the text
     * @param what the parameter, for the message
     * @return the text as a UUID
     * @throws HttpException 400 if it is not a UUID
     */
    public static UUID toUuid(String text, String what) {
        return convert(text, what, UUID::fromString, TextValues.A_UUID);
    }

    /**
     * @param request the request
     * @param type the body type
     * @param <T> the body type
     * @return the body decoded with the default codec
     * @throws HttpException 415 for a non-JSON content type, 400 for an empty or malformed body
     */
    public static <T> T body(Request request, Class<T> type) {
        return Json.read(request, type, JsonCodecs.defaultCodec());
    }

    /**
     * Maps a route method's result to a response.
     *
     * @param status the success status
     * @param result the method's result
     * @return a {@code Response} result as is; an empty {@code Optional} as 404; anything else as JSON
     */
    public static Response result(int status, Object result) {
        if (result instanceof Response r) {
            return r;
        }
        if (result instanceof Optional<?> o) {
            if (o.isEmpty()) {
                return Response.problem(Problem.of(Status.NOT_FOUND, "Not found"));
            }
            return Response.json(status, o.get());
        }
        return Response.json(status, result);
    }
}
