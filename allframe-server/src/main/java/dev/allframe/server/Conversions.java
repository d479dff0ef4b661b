package dev.allframe.server;

import dev.allframe.http.HttpException;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;

/** Translation between Netty's messages and the transport-neutral {@link Request} / {@link Response}. */
final class Conversions {
    private Conversions() {
    }

    /**
     * Starts a request from the method and request target.
     *
     * @throws HttpException 400 for a target that is not a path, or a malformed query
     */
    static Request.Builder request(String method, String target) {
        HttpMethod m;
        try {
            m = HttpMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw HttpException.badRequest("Invalid request method '" + shorten(method) + "'");
        }
        return Request.builder(m, originForm(target));
    }

    /** Reduces an absolute-form target (a proxy's request) to its path and query. */
    static String originForm(String target) {
        if (!target.isEmpty() && target.charAt(0) == '/') {
            return target;
        }
        int scheme = target.indexOf("://");
        if (scheme > 0) {
            int start = scheme + 3;
            int end = start;
            while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
                end++;
            }
            String rest = target.substring(end);
            return rest.isEmpty() ? "/" : rest.charAt(0) == '?' ? "/" + rest : rest;
        }
        throw HttpException.badRequest("Unsupported request target '" + shorten(target)
                + "': expected a path such as /orders");
    }

    /** Whether a response with this status to this method carries no body (RFC 9110 §6.4.1). */
    static boolean bodiless(int status, boolean head) {
        return head || status < 200 || status == 204 || status == 304;
    }

    /**
     * The content-length to announce, or -1 for none: the body's length, except that a HEAD answer or a 304 keeps
     * the length the application announced (the router sets it for HEAD fallbacks) and 1xx/204 have none.
     */
    static long contentLength(Response response, boolean head) {
        int status = response.status();
        if (status < 200 || status == 204) {
            return -1;
        }
        if (head || status == 304) {
            String declared = response.headers().firstOrNull("content-length");
            if (declared != null) {
                try {
                    return Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            return status == 304 ? -1 : response.body().length;
        }
        return response.body().length;
    }

    /** Header fields a door sets itself or that are specific to one HTTP/1.1 connection (RFC 9113 §8.2.2). */
    static boolean framing(String lowerName) {
        return switch (lowerName) {
            case "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection",
                 "upgrade" -> true;
            default -> false;
        };
    }

    static String shorten(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }
}
