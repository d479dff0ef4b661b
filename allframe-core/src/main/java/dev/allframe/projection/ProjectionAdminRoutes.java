package dev.allframe.projection;

import dev.allframe.http.Handler;
import dev.allframe.http.HttpException;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An operator's HTTP API over a {@link ProjectionControl}, off unless an application registers it, and then only
 * for callers that present its token ({@code Authorization: Bearer TOKEN}; anything else is 401):
 * <ul>
 *   <li>{@code GET /_allframe/projections}: every projection's status;</li>
 *   <li>{@code GET /_allframe/projections/{name}/parked}: its parked events in global order (payload as text when
 *       it is UTF-8, else base64 in {@code payloadBase64});</li>
 *   <li>{@code POST /_allframe/projections/{name}/retry}: retries them ({@link ProjectionControl#retry});</li>
 *   <li>{@code DELETE /_allframe/projections/{name}/parked/{position}}: skips the event at that global position
 *       (204; 404 if none is parked there).</li>
 * </ul>
 * An unknown projection is 404.
 *
 * <pre>{@code
 * String token = System.getenv("ALLFRAME_ADMIN_TOKEN");
 * if (token != null) {
 *     ProjectionAdminRoutes.register(router, projections.control(), token);
 * }
 * }</pre>
 */
public final class ProjectionAdminRoutes {
    /** The path prefix. */
    public static final String PREFIX = "/_allframe/projections";
    /** Shortest token accepted. */
    static final int MIN_TOKEN_LENGTH = 16;

    private ProjectionAdminRoutes() {
    }

    /**
     * @param router the router to add the routes to
     * @param control the projections to operate
     * @param token the bearer token callers must present, at least {@value #MIN_TOKEN_LENGTH} characters
     * @return the router
     * @throws IllegalArgumentException if the token is shorter
     */
    public static Router.Builder register(Router.Builder router, ProjectionControl control, String token) {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(token, "token");
        if (token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("admin token length (expected >= " + MIN_TOKEN_LENGTH + "): "
                    + token.length());
        }
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        return router
                .get(PREFIX, guarded(expected, r -> Response.json(statuses(control))))
                .get(PREFIX + "/{name}/parked", guarded(expected, r -> Response.json(parked(control,
                        r.pathParam("name")))))
                .post(PREFIX + "/{name}/retry", guarded(expected, r -> {
                    ProjectionControl.Retried done = known(() -> control.retry(r.pathParam("name")));
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("projection", done.projection());
                    body.put("applied", done.applied());
                    body.put("stillParked", done.stillParked().size());
                    return Response.json(body);
                }))
                .delete(PREFIX + "/{name}/parked/{position}", guarded(expected, r -> {
                    long position;
                    try {
                        position = Long.parseLong(r.pathParam("position"));
                    } catch (NumberFormatException e) {
                        throw HttpException.badRequest("position must be a whole number, not '"
                                + r.pathParam("position") + "'");
                    }
                    if (position < 1) {
                        throw HttpException.badRequest("position (expected >= 1): " + position);
                    }
                    if (!known(() -> control.skip(r.pathParam("name"), position))) {
                        throw HttpException.notFound("No event parked at global position " + position);
                    }
                    return Response.noContent();
                }));
    }

    private static Handler guarded(byte[] expected, Handler handler) {
        return request -> {
            byte[] given = request.header("authorization").orElse("").getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                throw new HttpException(401, "The admin API needs 'Authorization: Bearer' with its token");
            }
            return handler.handle(request);
        };
    }

    private interface Call<T> {
        T call();
    }

    /** Runs a control call; an unknown projection name is 404. */
    private static <T> T known(Call<T> call) {
        try {
            return call.call();
        } catch (IllegalArgumentException e) {
            throw HttpException.notFound(e.getMessage());
        }
    }

    private static List<Map<String, Object>> statuses(ProjectionControl control) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ProjectionStatus s : control.statuses()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("state", s.state().name());
            m.put("position", s.position());
            m.put("degraded", s.degraded());
            m.put("parked", s.parked());
            m.put("firstParked", s.firstParked());
            if (s.failedAt() > 0) {
                m.put("failedAt", s.failedAt());
            }
            if (s.error() != null) {
                m.put("error", s.error());
            }
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> parked(ProjectionControl control, String name) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ParkedEvent p : known(() -> control.parked(name))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("globalPosition", p.globalPosition());
            m.put("streamId", p.streamId());
            m.put("version", p.version());
            m.put("type", p.type());
            String text = utf8(p.payload());
            if (text != null) {
                m.put("payload", text);
            } else {
                m.put("payloadBase64", Base64.getEncoder().encodeToString(p.payload()));
            }
            m.put("errorClass", p.errorClass());
            m.put("errorMessage", p.errorMessage());
            m.put("attempts", p.attempts());
            m.put("parkedAt", p.parkedAt().toString());
            out.add(m);
        }
        return out;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }
}
