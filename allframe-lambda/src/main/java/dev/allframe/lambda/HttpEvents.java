package dev.allframe.lambda;

import dev.allframe.http.Attributes;
import dev.allframe.http.Headers;
import dev.allframe.http.HttpException;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.PercentCodec;
import dev.allframe.http.Problem;
import dev.allframe.http.QueryParams;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates the four HTTP payload formats into {@link Request}s and {@link Response}s back into the matching
 * format. Formats (AWS documentation): REST API / payload 1.0 ({@code httpMethod}, {@code path},
 * {@code multiValueHeaders}, {@code multiValueQueryStringParameters}), HTTP API and Function URL payload 2.0
 * ({@code version: "2.0"}, {@code rawPath}, {@code rawQueryString}, {@code cookies}), ALB ({@code requestContext.elb};
 * query values arrive still percent-encoded; multi-value members only when the target group enables them).
 *
 * <p>Plain loops rather than lambdas on this path: each lambda's first use spins a class, a cost paid in the cold
 * start.
 */
final class HttpEvents {
    private HttpEvents() {
    }

    /**
     * A recognised event: the request to route, or the response to send at once when the HTTP content itself was
     * bad (a 400, not an invocation failure: the client sent it, the gateway delivered it faithfully).
     */
    record Parsed(EventKind kind, boolean multiValue, Request request, Response immediate) {
    }

    static Parsed parse(Object decoded, LambdaContext context) {
        Fields event = Fields.root(decoded);
        Fields rc = event.object("requestContext");
        EventKind kind = detect(event, rc);
        boolean multiValue = kind != EventKind.HTTP_API && kind != EventKind.FUNCTION_URL
                && (event.has("multiValueHeaders") || event.has("multiValueQueryStringParameters"));
        try {
            Request request = switch (kind) {
                case REST_API -> restApi(event, rc, context);
                case HTTP_API, FUNCTION_URL -> httpApi(event, rc, kind, context);
                case ALB -> alb(event, rc, context);
            };
            return new Parsed(kind, multiValue, request, null);
        } catch (HttpException e) {
            return new Parsed(kind, multiValue, null, Response.problem(e.problem()));
        } catch (IllegalArgumentException e) {
            return new Parsed(kind, multiValue, null,
                    Response.problem(Problem.of(Status.BAD_REQUEST, e.getMessage())));
        }
    }

    static EventKind detect(Fields event, Fields rc) {
        if (rc != null && rc.has("elb")) {
            return EventKind.ALB;
        }
        if ("2.0".equals(event.string("version"))) {
            if (rc == null || !rc.has("http")) {
                throw new MalformedEventException("The event says version 2.0 but has no 'requestContext.http' "
                        + "(expected an API Gateway HTTP API or Function URL event)", null);
            }
            String domain = rc.string("domainName");
            return domain != null && domain.contains(".lambda-url.") ? EventKind.FUNCTION_URL : EventKind.HTTP_API;
        }
        if (event.has("httpMethod") && rc != null) {
            return EventKind.REST_API;
        }
        List<String> keys = new ArrayList<>(event.raw().keySet());
        String shown = keys.size() > 12 ? keys.subList(0, 12) + "..." : keys.toString();
        throw new UnsupportedEventException("The event is not an HTTP event from API Gateway (REST or HTTP API), a "
                + "Function URL or an Application Load Balancer: expected 'httpMethod' with 'requestContext', "
                + "'version' \"2.0\" with 'requestContext.http', or 'requestContext.elb'; got top-level keys "
                + shown + hint(event));
    }

    private static String hint(Fields event) {
        if (event.has("Records")) {
            return " (this looks like an SQS, SNS, S3 or DynamoDB Streams batch; route it to an event door)";
        }
        if (event.has("detail-type")) {
            return " (this looks like an EventBridge event; route it to an event door)";
        }
        return "";
    }

    // ---------------------------------------------------------------- requests

    private static Request restApi(Fields event, Fields rc, LambdaContext context) {
        HttpMethod method = method(event.requireString("httpMethod"), "httpMethod");
        // 'path' is the resource path without the stage; requestContext.path would include it.
        String path = rawPath(event.requireString("path"));
        Headers headers = headers(event);
        Map<String, List<String>> mvq = event.stringListMap("multiValueQueryStringParameters");
        QueryParams query;
        if (mvq != null) {
            query = QueryParams.of(mvq);
        } else {
            query = QueryParams.of(single(event.stringMap("queryStringParameters")));
        }
        Fields identity = rc.object("identity");
        String sourceIp = identity == null ? null : identity.string("sourceIp");
        Fields authorizer = rc.object("authorizer");
        Claims claims = Claims.NONE;
        if (authorizer != null) {
            Fields c = authorizer.object("claims");
            claims = new Claims(c != null ? c.raw() : authorizer.raw());
        }
        GatewayRequestContext gateway = new GatewayRequestContext(EventKind.REST_API, rc.string("requestId"),
                sourceIp, rc.string("stage"), event.stringMap("pathParameters"), event.stringMap("stageVariables"),
                claims, rc.raw());
        return build(method, path, headers, query, body(event), gateway, context);
    }

    private static Request httpApi(Fields event, Fields rc, EventKind kind, LambdaContext context) {
        Fields http = rc.object("http");
        HttpMethod method = method(http.requireString("method"), "requestContext.http.method");
        String stage = rc.string("stage");
        String path = event.string("rawPath");
        if (path == null) {
            path = http.requireString("path");
        }
        path = stripStage(rawPath(path), stage);
        Headers.Builder hb = Headers.builder();
        Map<String, String> h = event.stringMap("headers");
        if (h != null) {
            // 2.0 joins repeated headers with commas; that is the HTTP list form, so keep it as one field value.
            for (Map.Entry<String, String> e : h.entrySet()) {
                hb.add(e.getKey(), e.getValue());
            }
        }
        List<String> cookies = event.stringList("cookies");
        if (cookies != null && !cookies.isEmpty()) {
            hb.set("cookie", String.join("; ", cookies));
        }
        QueryParams query = QueryParams.parse(event.string("rawQueryString"));
        Fields authorizer = rc.object("authorizer");
        Claims claims = Claims.NONE;
        if (authorizer != null) {
            Fields jwt = authorizer.object("jwt");
            Fields lambda = authorizer.object("lambda");
            Fields iam = authorizer.object("iam");
            Fields jwtClaims = jwt == null ? null : jwt.object("claims");
            claims = new Claims(jwtClaims != null ? jwtClaims.raw() : lambda != null ? lambda.raw()
                    : iam != null ? iam.raw() : authorizer.raw());
        }
        GatewayRequestContext gateway = new GatewayRequestContext(kind, rc.string("requestId"),
                http.string("sourceIp"), stage, event.stringMap("pathParameters"), event.stringMap("stageVariables"),
                claims, rc.raw());
        return build(method, path, hb.build(), query, body(event), gateway, context);
    }

    private static Request alb(Fields event, Fields rc, LambdaContext context) {
        HttpMethod method = method(event.requireString("httpMethod"), "httpMethod");
        String path = rawPath(event.requireString("path"));
        Headers headers = headers(event);
        // ALB passes query names and values exactly as the client sent them: still percent-encoded.
        Map<String, List<String>> query = new LinkedHashMap<>();
        Map<String, List<String>> mvq = event.stringListMap("multiValueQueryStringParameters");
        Map<String, List<String>> raw = mvq != null ? mvq : single(event.stringMap("queryStringParameters"));
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            String name = PercentCodec.decodeQueryComponent(e.getKey());
            List<String> list = query.get(name);
            if (list == null) {
                list = new ArrayList<>(e.getValue().size());
                query.put(name, list);
            }
            for (String v : e.getValue()) {
                list.add(PercentCodec.decodeQueryComponent(v));
            }
        }
        String forwarded = headers.firstOrNull("x-forwarded-for");
        String sourceIp = forwarded == null ? null : forwarded.split(",", 2)[0].trim();
        GatewayRequestContext gateway = new GatewayRequestContext(EventKind.ALB, headers.firstOrNull("x-amzn-trace-id"),
                sourceIp, null, null, null, Claims.NONE, rc.raw());
        return build(method, path, headers, QueryParams.of(query), body(event), gateway, context);
    }

    private static Request build(HttpMethod method, String path, Headers headers, QueryParams query, byte[] body,
                                 GatewayRequestContext gateway, LambdaContext context) {
        Attributes a = Attributes.empty()
                .with(LambdaAttributes.GATEWAY, gateway)
                .with(LambdaAttributes.EVENT_KIND, gateway.kind())
                .with(LambdaAttributes.CLAIMS, gateway.claims());
        if (context != null) {
            a = a.with(LambdaAttributes.CONTEXT, context);
        }
        if (gateway.sourceIp() != null) {
            a = a.with(LambdaAttributes.SOURCE_IP, gateway.sourceIp());
        }
        if (gateway.requestId() != null) {
            a = a.with(LambdaAttributes.GATEWAY_REQUEST_ID, gateway.requestId());
        }
        if (gateway.stage() != null) {
            a = a.with(LambdaAttributes.STAGE, gateway.stage());
        }
        return new Request(method, path, headers, query, body, a);
    }

    private static HttpMethod method(String name, String field) {
        try {
            return HttpMethod.of(name);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("The event's '" + field + "' is not an HTTP method: '" + name + "'", e);
        }
    }

    private static Headers headers(Fields event) {
        Map<String, List<String>> multi = event.stringListMap("multiValueHeaders");
        Headers.Builder b = Headers.builder();
        if (multi != null) {
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                for (String v : e.getValue()) {
                    b.add(e.getKey(), v);
                }
            }
        } else {
            Map<String, String> single = event.stringMap("headers");
            if (single != null) {
                for (Map.Entry<String, String> e : single.entrySet()) {
                    b.add(e.getKey(), e.getValue());
                }
            }
        }
        return b.build();
    }

    private static Map<String, List<String>> single(Map<String, String> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (map != null) {
            for (Map.Entry<String, String> e : map.entrySet()) {
                out.put(e.getKey(), List.of(e.getValue()));
            }
        }
        return out;
    }

    private static byte[] body(Fields event) {
        String body = event.string("body");
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        if (event.bool("isBase64Encoded")) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new MalformedEventException("The event says isBase64Encoded but 'body' is not valid base64: "
                        + e.getMessage(), e);
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * HTTP API removes nothing from {@code rawPath}: with a named stage it starts with {@code /stage}. Routes are
     * written without it, so remove it; {@code $default} never appears in paths.
     */
    static String stripStage(String path, String stage) {
        if (stage == null || stage.isEmpty() || stage.equals("$default")) {
            return path;
        }
        String prefix = "/" + stage;
        if (path.equals(prefix)) {
            return "/";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }

    /**
     * The raw (percent-encoded) form the router expects. Gateways are not consistent about whether a path arrives
     * encoded; this keeps valid {@code %XX} escapes and encodes whatever may not appear raw in a path (spaces,
     * non-ASCII, a stray {@code %}), so both forms route the same.
     */
    static String rawPath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder sb = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = isPathChar(c) || (c == '%' && isHex(path, i + 1) && isHex(path, i + 2));
            if (ok) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(path.length() + 16).append(path, 0, i);
            }
            int cp = path.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        String result = sb == null ? path : sb.toString();
        return result.charAt(0) == '/' ? result : "/" + result;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    // ---------------------------------------------------------------- responses

    static byte[] write(EventKind kind, boolean multiValue, Response response) {
        JsonOut out = new JsonOut(256 + response.body().length * 4 / 3);
        out.begin();
        out.field("statusCode").number(response.status());
        if (kind == EventKind.ALB) {
            out.field("statusDescription").string(response.status() + " " + Status.reason(response.status()));
        }
        Headers headers = response.headers();
        switch (kind) {
            case HTTP_API, FUNCTION_URL -> {
                List<String> cookies = headers.all("set-cookie");
                writeSingle(out, headers.without("set-cookie"));
                if (!cookies.isEmpty()) {
                    out.field("cookies").strings(cookies);
                }
            }
            case REST_API -> {
                // REST APIs accept both members and merge them, so repeated headers always survive.
                if (multiValue || hasRepeated(headers)) {
                    writeMulti(out, headers);
                } else {
                    writeSingle(out, headers);
                }
            }
            case ALB -> {
                // The target group's setting decides which member ALB reads; the request shows which is on.
                if (multiValue) {
                    writeMulti(out, headers);
                } else {
                    writeSingle(out, headers);
                }
            }
        }
        boolean text = isText(headers.firstOrNull("content-type"), response.body());
        out.field("body").string(text ? new String(response.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(response.body()));
        out.field("isBase64Encoded").bool(!text);
        out.end();
        return out.bytes();
    }

    private static boolean hasRepeated(Headers headers) {
        for (List<String> values : headers.asMap().values()) {
            if (values.size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static void writeSingle(JsonOut out, Headers headers) {
        out.field("headers").begin();
        for (Map.Entry<String, List<String>> e : headers.asMap().entrySet()) {
            String name = e.getKey();
            List<String> values = e.getValue();
            // Only one value fits. Set-Cookie cannot be comma-joined (dates contain commas): the last one wins.
            String value = values.size() == 1 ? values.get(0)
                    : name.equals("set-cookie") ? values.get(values.size() - 1) : String.join(", ", values);
            out.field(name).string(value);
        }
        out.end();
    }

    private static void writeMulti(JsonOut out, Headers headers) {
        out.field("multiValueHeaders").begin();
        for (Map.Entry<String, List<String>> e : headers.asMap().entrySet()) {
            out.field(e.getKey()).strings(e.getValue());
        }
        out.end();
    }

    /**
     * Whether a body can travel as text: decided by its content type; without one, by whether it is UTF-8.
     * Everything else is base64, so images, archives and protobuf arrive intact.
     */
    static boolean isText(String contentType, byte[] body) {
        if (body.length == 0) {
            return true;
        }
        if (contentType == null) {
            return isUtf8(body);
        }
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        int semi = ct.indexOf(';');
        String media = (semi < 0 ? ct : ct.substring(0, semi)).trim();
        if (media.startsWith("text/") || media.endsWith("+json") || media.endsWith("+xml")) {
            return true;
        }
        switch (media) {
            case "application/json", "application/xml", "application/javascript", "application/ecmascript",
                 "application/x-www-form-urlencoded", "application/graphql", "application/yaml",
                 "application/x-ndjson", "application/ld+json" -> {
                return true;
            }
            default -> {
                return semi >= 0 && ct.indexOf("charset=", semi) >= 0 && isUtf8(body);
            }
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
