package dev.allframe.http;

import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;
import dev.allframe.json.JsonLimitException;

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
     * @return a handler that answers 415 for a non-JSON content type, 400 for a missing or malformed body or one
     *         that crosses a {@link dev.allframe.json.JsonLimits JSON limit} (413 for the document size), and 500
     *         with an error id if the body type has no JSON adapter (a fault of the build, not of the client)
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
     * @throws HttpException 415 if the content type is not JSON; 400 if the body is empty, not valid JSON or
     *         crosses one of the codec's {@link dev.allframe.json.JsonLimits} other than the document size, whose
     *         crossing is 413; the problem's {@code limit} member names the limit
     * @throws dev.allframe.json.MissingJsonAdapterException if the codec has no adapter for the type, which the
     *         router answers with 500 and an error id: the server's fault, not the client's
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
        } catch (JsonLimitException e) {
            int status = e.limit().equals("maxDocumentBytes") ? Status.CONTENT_TOO_LARGE : Status.BAD_REQUEST;
            throw new HttpException(Problem.of(status, "The JSON body exceeds a limit: " + e.getMessage())
                    .with("limit", e.limit()).with("max", e.max()));
        } catch (JsonCodecException e) {
            throw HttpException.badRequest("Malformed JSON body: " + e.getMessage());
        }
    }

    static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }
}
