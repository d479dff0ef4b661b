package dev.allframe.cli;

import dev.allframe.json.JsonCodecException;
import dev.allframe.json.JsonCodecs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A running service's projection admin API ({@code /_allframe/projections}, {@code ProjectionAdminRoutes}). */
final class ServiceProjections implements ProjectionSource {
    private static final String PREFIX = "/_allframe/projections";

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /**
     * @param base the service's URL
     * @param token the admin token, or {@code null} if none was given
     */
    ServiceProjections(String base, String token) {
        this.base = base;
        this.token = token;
    }

    @Override
    public List<Map<String, Object>> statuses(List<String> names) {
        List<Map<String, Object>> all = list(send("GET", PREFIX));
        if (names.isEmpty()) {
            return all;
        }
        for (String n : names) {
            if (all.stream().noneMatch(s -> n.equals(s.get("name")))) {
                throw new CliException("no projection named '" + n + "' at " + base + "; it has: "
                        + all.stream().map(s -> String.valueOf(s.get("name"))).toList());
            }
        }
        return all.stream().filter(s -> names.contains(String.valueOf(s.get("name")))).toList();
    }

    @Override
    public List<Map<String, Object>> parked(String projection) {
        return list(send("GET", PREFIX + "/" + segment(projection) + "/parked"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> retry(String projection) {
        return (Map<String, Object>) read(send("POST", PREFIX + "/" + segment(projection) + "/retry").body());
    }

    @Override
    public boolean skip(String projection, long position) {
        HttpResponse<String> r = send("DELETE", PREFIX + "/" + segment(projection) + "/parked/" + position, 404);
        if (r.statusCode() == 404) {
            // Either the projection is unknown (bad input) or nothing is parked there (a failed check).
            parked(projection);
            return false;
        }
        return true;
    }

    @Override
    public boolean skip(String projection, String streamId, long version) {
        HttpResponse<String> r = send("DELETE", PREFIX + "/" + segment(projection) + "/parked/" + segment(streamId)
                + "/" + version, 404);
        if (r.statusCode() == 404) {
            parked(projection);
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        // the JDK client needs no closing on JDK 21
    }

    private HttpResponse<String> send(String method, String path, int... alsoFine) {
        URI uri;
        try {
            uri = URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new CliException("--url is not a valid URL: " + base);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            rb.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> r;
        try {
            r = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException("no service at " + base + " (" + (e.getMessage() == null ? "connection refused"
                    : e.getMessage()) + "); pass --url, or --store to work on the store");
        } catch (IOException e) {
            throw new CliException("the service at " + base + " did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        int status = r.statusCode();
        if (status / 100 == 2) {
            return r;
        }
        for (int fine : alsoFine) {
            if (status == fine) {
                return r;
            }
        }
        if (status == 401) {
            throw new CliException(token == null
                    ? "the admin API at " + base + " needs its token: set ALLFRAME_ADMIN_TOKEN or pass --token-file"
                    : "the admin API at " + base + " refused the token (401)");
        }
        if (status == 404 && (path.equals(PREFIX) || !hasAdminApi())) {
            throw new CliException("the service at " + base + " has no projection admin API (" + PREFIX
                    + "): it is off unless the application registers ProjectionAdminRoutes (the example does when"
                    + " ALLFRAME_ADMIN_TOKEN is set); or pass --store to work on the store");
        }
        throw new CliException(detail(r.body(), status));
    }

    private boolean hasAdminApi() {
        try {
            send("GET", PREFIX);
            return true;
        } catch (CliException e) {
            return !e.getMessage().contains("has no projection admin API");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(HttpResponse<String> r) {
        return (List<Map<String, Object>>) read(r.body());
    }

    private static Object read(String body) {
        try {
            return JsonCodecs.defaultCodec().read(body.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (JsonCodecException e) {
            throw new CliException("the admin API answered what is not JSON: " + body.strip());
        }
    }

    private static String detail(String body, int status) {
        try {
            if (JsonCodecs.defaultCodec().read(body.getBytes(StandardCharsets.UTF_8), Object.class)
                    instanceof Map<?, ?> m && m.get("detail") instanceof String d) {
                return d + " (HTTP " + status + ")";
            }
        } catch (JsonCodecException notJson) {
            // fall through
        }
        return "HTTP " + status + ": " + body.strip();
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
