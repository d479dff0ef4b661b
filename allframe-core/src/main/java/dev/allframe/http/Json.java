package dev.allframe.http;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;

import java.lang.reflect.Type;
import java.util.Locale;

/** JSON request-body binding for handlers: {@code router.post("/orders", Json.body(CreateOrder.class, (req, cmd) -> ...))}. */
public final class Json {
    private Json() {
    }

    /**
     * A handler that receives the request and its body decoded from JSON.
     *
     * @param <T> the body type
     */
    @FunctionalInterface
    public interface BodyHandler<T> {
        /**
         * @param request the request
         * @param body the decoded body, never {@code null}
         * @return the response
         * @throws Exception anything; mapped by the router's error handlers
         */
        Response handle(Request request, T body) throws Exception;
    }

    /**
     * Binds the body with the default codec.
     *
     * @param type the body type
     * @param handler receives the decoded body
     * @param <T> the body type
     * @return a handler that answers 415 for a non-JSON content type and 400 for a missing or malformed body
     */
    public static <T> Handler body(Class<T> type, BodyHandler<T> handler) {
        return request -> handler.handle(request, read(request, type, JsonCodecs.defaultCodec()));
    }

    /**
     * Decodes a request's body.
     *
     * @param request the request
     * @param type the body type
     * @param codec the codec
     * @param <T> the body type
     * @return the decoded body
     * @throws HttpException 415 if the content type is not JSON; 400 if the body is empty or not valid JSON
     */
    public static <T> T read(Request request, Type type, JsonCodec codec) {
        String contentType = request.headers().firstOrNull("content-type");
        if (contentType != null && !isJson(contentType)) {
            throw new HttpException(Status.UNSUPPORTED_MEDIA_TYPE,
                    "Expected a JSON body (content-type application/json), got '" + contentType + "'");
        }
        if (request.body().length == 0) {
            throw HttpException.badRequest("A JSON request body is required");
        }
        try {
            return codec.read(request.body(), type);
        } catch (JsonCodecException e) {
            throw HttpException.badRequest("Malformed JSON body: " + e.getMessage());
        }
    }

    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
