package dev.allframe.lambda;

import dev.allframe.json.JsonCodecs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllFrameHandlerTest {
    private final EchoLambda handler = new EchoLambda();

    static String fixture(String name) {
        try (InputStream in = AllFrameHandlerTest.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> invoke(String eventJson) {
        return invoke(eventJson, "lambda-req-1");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> invoke(String eventJson, String requestId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out,
                    TestContext.create(requestId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return (Map<String, Object>) JsonCodecs.defaultCodec().read(out.toByteArray(), Object.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, Object> doc) {
        assertThat(doc.get("isBase64Encoded")).isEqualTo(false);
        return (Map<String, Object>) JsonCodecs.defaultCodec()
                .read(((String) doc.get("body")).getBytes(StandardCharsets.UTF_8), Object.class);
    }

    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> map, String... keys) {
        Object v = map;
        for (String k : keys) {
            v = ((Map<String, Object>) v).get(k);
        }
        return v;
    }

    @Test
    void restApiEventKeepsRepeatedHeadersAndQueryKeysAndExposesTheRequestContext() {
        Map<String, Object> doc = invoke(fixture("rest-v1.json"));
        assertThat(((Number) doc.get("statusCode")).intValue()).isEqualTo(200);
        Map<String, Object> echo = body(doc);
        assertThat(echo.get("method")).isEqualTo("POST");
        assertThat(echo.get("path")).isEqualTo("/orders/42/items");
        assertThat(at(echo, "query", "tag")).isEqualTo(List.of("a", "b"));
        assertThat(at(echo, "query", "q")).isEqualTo(List.of("hello world"));
        assertThat(at(echo, "headers", "x-custom")).isEqualTo(List.of("first", "second"));
        assertThat(echo.get("body")).isEqualTo("{\"sku\":\"A-1\",\"qty\":2}");
        assertThat(echo.get("kind")).isEqualTo("REST_API");
        assertThat(echo.get("sourceIp")).isEqualTo("198.51.100.7");
        assertThat(echo.get("stage")).isEqualTo("prod");
        assertThat(echo.get("gatewayRequestId")).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(at(echo, "claims", "email")).isEqualTo("ada@example.com");
        assertThat(at(echo, "gatewayPathParameters", "id")).isEqualTo("42");
        assertThat(echo.get("lambdaRequestId")).isEqualTo("lambda-req-1");
        assertThat(echo.get("currentRequestId")).isEqualTo("lambda-req-1");
        assertThat(((Number) echo.get("remainingMs")).longValue()).isBetween(1L, 30_000L);
        // The request used multiValueHeaders, so the response does too.
        assertThat(doc).containsKey("multiValueHeaders").doesNotContainKey("headers");
        assertThat(at(doc, "multiValueHeaders", "content-type")).isEqualTo(List.of("application/json"));
    }

    @Test
    void restApiEventWithNullOptionalMembersAndABase64BodyIsServed() {
        Map<String, Object> echo = body(invoke(fixture("rest-v1-nulls-base64.json")));
        assertThat(echo.get("method")).isEqualTo("PUT");
        assertThat(echo.get("bodyBase64")).isEqualTo("AAEC/f7/");
        assertThat((Map<?, ?>) echo.get("headers")).isEmpty();
        assertThat((Map<?, ?>) echo.get("query")).isEmpty();
        assertThat(echo.get("stage")).isEqualTo("dev");
        assertThat((Map<?, ?>) echo.get("claims")).isEmpty();
    }

    @Test
    void httpApiEventStripsTheNamedStageDecodesBase64AndTurnsCookiesIntoACookieHeader() {
        Map<String, Object> doc = invoke(fixture("http-v2.json"));
        Map<String, Object> echo = body(doc);
        assertThat(echo.get("path")).isEqualTo("/orders/42/items");
        assertThat(echo.get("stage")).isEqualTo("prod");
        assertThat(echo.get("body")).isEqualTo("{\"sku\":\"A-1\",\"qty\":2}");
        assertThat(at(echo, "query", "tag")).isEqualTo(List.of("a", "b"));
        assertThat(at(echo, "query", "q")).isEqualTo(List.of("hello world"));
        assertThat(at(echo, "query", "empty")).isEqualTo(List.of(""));
        assertThat(at(echo, "headers", "cookie")).isEqualTo(List.of("session=abc; theme=dark"));
        assertThat(at(echo, "claims", "sub")).isEqualTo("user-7");
        assertThat(echo.get("sourceIp")).isEqualTo("192.0.2.44");
        assertThat(echo.get("kind")).isEqualTo("HTTP_API");
        assertThat(doc).containsKey("headers").doesNotContainKey("multiValueHeaders");
    }

    @Test
    void httpApiEventWithoutHeadersQueryOrBodyIsServed() {
        Map<String, Object> echo = body(invoke(fixture("http-v2-minimal.json")));
        assertThat(echo.get("path")).isEqualTo("/health");
        assertThat(echo.get("body")).isEqualTo("");
        assertThat(echo.get("stage")).isEqualTo("$default");
        assertThat((Map<?, ?>) echo.get("query")).isEmpty();
    }

    @Test
    void functionUrlEventKeepsTheEncodedPathAndDecodesItForPathParameters() {
        Map<String, Object> doc = invoke(fixture("function-url.json").replace("\"PUT\"", "\"GET\""));
        Map<String, Object> echo = body(doc);
        assertThat(echo.get("name")).isEqualTo("résumé v2.txt");
        assertThat(echo.get("path")).isEqualTo("/files/r%C3%A9sum%C3%A9%20v2.txt");
    }

    @Test
    void functionUrlEventIsRecognisedAndItsBinaryBodyArrivesIntact() {
        Map<String, Object> echo = body(invoke(fixture("function-url.json").replace("/files/", "/upload/")));
        assertThat(echo.get("kind")).isEqualTo("FUNCTION_URL");
        assertThat(echo.get("bodyBase64")).isEqualTo("iVBORw0KGgo=");
        assertThat(at(echo, "claims", "userArn")).isEqualTo("arn:aws:iam::111122223333:user/ada");
    }

    @Test
    void decodedPathsFromAGatewayAreReEncodedSoTheyRouteLikeEncodedOnes() {
        String event = fixture("http-v2-minimal.json").replace("\"/health\"", "\"/files/résumé v2.txt\"");
        Map<String, Object> echo = body(invoke(event));
        assertThat(echo.get("name")).isEqualTo("résumé v2.txt");
        assertThat(echo.get("path")).isEqualTo("/files/r%C3%A9sum%C3%A9%20v2.txt");
    }

    @Test
    void albSingleValueEventDecodesThePercentEncodedQueryAndAnswersWithStatusDescription() {
        Map<String, Object> doc = invoke(fixture("alb-single.json"));
        assertThat(doc.get("statusDescription")).isEqualTo("200 OK");
        assertThat(doc).containsKey("headers").doesNotContainKey("multiValueHeaders");
        Map<String, Object> echo = body(doc);
        assertThat(echo.get("path")).isEqualTo("/search/caf%C3%A9");
        assertThat(at(echo, "query", "q")).isEqualTo(List.of("?showAll=true"));
        assertThat(at(echo, "query", "name")).isEqualTo(List.of("Ada Lovelace"));
        assertThat(echo.get("kind")).isEqualTo("ALB");
        assertThat(echo.get("sourceIp")).isEqualTo("72.21.198.66");
        assertThat(echo.get("gatewayRequestId")).isEqualTo("Root=1-5bdb40ca-556d8b0c50dc66f0511bf520");
    }

    @Test
    void albMultiValueEventKeepsRepeatedValuesAndAnswersWithMultiValueHeaders() {
        Map<String, Object> doc = invoke(fixture("alb-multi.json"));
        assertThat(doc).containsKey("multiValueHeaders").doesNotContainKey("headers");
        Map<String, Object> echo = body(doc);
        assertThat(at(echo, "query", "tag")).isEqualTo(List.of("a", "b c"));
        assertThat(at(echo, "query", "q")).isEqualTo(List.of("x&y"));
        assertThat(at(echo, "headers", "cookie")).isEqualTo(List.of("a=1", "b=2"));
        assertThat(echo.get("sourceIp")).isEqualTo("72.21.198.67");
    }

    @Test
    void albQueryWithBrokenPercentEncodingIsA400NotAFailedInvocation() {
        Map<String, Object> doc = invoke(fixture("alb-single.json").replace("%3FshowAll%3Dtrue", "%zz"));
        assertThat(((Number) doc.get("statusCode")).intValue()).isEqualTo(400);
        assertThat(doc.get("statusDescription")).isEqualTo("400 Bad Request");
        assertThat(at(doc, "headers", "content-type")).isEqualTo("application/problem+json");
        assertThat((String) doc.get("body")).contains("Invalid percent-encoding in the query string");
    }

    @Test
    void binaryResponsesAreBase64EncodedByContentType() {
        String event = fixture("http-v2-minimal.json").replace("\"/health\"", "\"/binary\"");
        Map<String, Object> doc = invoke(event);
        assertThat(doc.get("isBase64Encoded")).isEqualTo(true);
        assertThat(Base64.getDecoder().decode((String) doc.get("body")))
                .containsExactly(0x89, 'P', 'N', 'G', 0, 0xff);
    }

    @Test
    void setCookieBecomesTheCookiesArrayForHttpApiAndMultiValueHeadersForRestApi() {
        Map<String, Object> v2 = invoke(fixture("http-v2-minimal.json").replace("\"/health\"", "\"/cookies\""));
        assertThat(v2.get("cookies")).isEqualTo(List.of("a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT",
                "b=2; HttpOnly"));
        assertThat(at(v2, "headers", "x-multi")).isEqualTo("one, two");
        assertThat(((Map<?, ?>) v2.get("headers")).containsKey("set-cookie")).isFalse();

        String rest = fixture("rest-v1-nulls-base64.json").replace("\"/upload\"", "\"/cookies\"")
                .replace("\"PUT\"", "\"GET\"");
        Map<String, Object> v1 = invoke(rest);
        assertThat(at(v1, "multiValueHeaders", "set-cookie")).isEqualTo(List.of(
                "a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2; HttpOnly"));
    }

    @Test
    void aThrowingRouteIsA500ProblemResponseNotAFailedInvocation() {
        Map<String, Object> doc = invoke(fixture("http-v2-minimal.json").replace("\"/health\"", "\"/boom\""));
        assertThat(((Number) doc.get("statusCode")).intValue()).isEqualTo(500);
        assertThat(at(doc, "headers", "content-type")).isEqualTo("application/problem+json");
        assertThat((String) doc.get("body")).contains("\"status\":500").doesNotContain("kaboom");
    }

    @Test
    void eventThatIsNotJsonFailsTheInvocationWithMalformedEvent() {
        assertThatThrownBy(() -> invoke("{\"version\": \"2.0\", "))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("The event is not valid JSON");
        assertThatThrownBy(() -> invoke(""))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("The event is empty");
        assertThatThrownBy(() -> invoke("[1,2]"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not an object (got an array)");
    }

    @Test
    void eventWithAMistypedFieldNamesTheField() {
        String bad = fixture("http-v2-minimal.json").replace("\"method\": \"GET\"", "\"method\": 7");
        assertThatThrownBy(() -> invoke(bad)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'requestContext.http.method' must be a string, but is a number");
        String badHeaders = fixture("alb-single.json").replace("\"accept\": \"application/json\"", "\"accept\": [1]");
        assertThatThrownBy(() -> invoke(badHeaders)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'headers.accept' must be a string");
        String badBase64 = fixture("function-url.json").replace("iVBORw0KGgo=", "***");
        assertThatThrownBy(() -> invoke(badBase64)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not valid base64");
    }

    @Test
    void nonHttpEventFailsTheInvocationWithUnsupportedEventAndAHint() {
        assertThatThrownBy(() -> invoke("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"x\"}]}"))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("not an HTTP event")
                .hasMessageContaining("[Records]")
                .hasMessageContaining("SQS, SNS, S3 or DynamoDB Streams batch");
        assertThatThrownBy(() -> invoke("{\"detail-type\":\"OrderPlaced\",\"detail\":{}}"))
                .isInstanceOf(UnsupportedEventException.class).hasMessageContaining("EventBridge");
    }

    @Test
    void theCurrentContextIsClearedAfterTheInvocation() {
        invoke(fixture("http-v2-minimal.json"));
        assertThat(LambdaContext.current()).isEmpty();
    }

    @Test
    void aRouterSupplierReturningNullFailsConstructionNamingTheHandler() {
        assertThatThrownBy(() -> AllFrameHandler.of(() -> null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("returned null instead of a Router");
    }

    @Test
    void primingRunsTheDefaultRequestThroughTheWholeDoor() {
        assertThat(handler.prime()).isEqualTo(1);
    }

    @Test
    void restApiEventWithOnlySingleValueHeadersIsAnsweredWithSingleValueHeaders() {
        String event = fixture("rest-v1.json").replaceAll("(?s)\"multiValueHeaders\": \\{.*?\\},\\s*\"queryStringParameters\"",
                "\"queryStringParameters\"").replaceAll("(?s)\"multiValueQueryStringParameters\": \\{[^}]*\\},", "");
        assertThat(event).doesNotContain("multiValue");
        Map<String, Object> doc = invoke(event);
        assertThat(doc).containsKey("headers").doesNotContainKey("multiValueHeaders");
        Map<String, Object> echo = body(doc);
        assertThat(at(echo, "headers", "x-custom")).isEqualTo(List.of("second"));
        assertThat(at(echo, "query", "tag")).isEqualTo(List.of("b"));
    }

    @Test
    void anEncodedSlashStaysInsideOnePathParameter() {
        String event = fixture("http-v2-minimal.json").replace("\"/health\"", "\"/files/a%2Fb.txt\"");
        assertThat(body(invoke(event)).get("name")).isEqualTo("a/b.txt");
    }

    @Test
    void albInSingleValueModeKeepsOnlyTheLastSetCookieBecauseItCannotCarryMore() {
        Map<String, Object> doc = invoke(fixture("alb-single.json").replace("\"/search/caf%C3%A9\"", "\"/cookies\""));
        assertThat(at(doc, "headers", "set-cookie")).isEqualTo("b=2; HttpOnly");
        assertThat(at(doc, "headers", "x-multi")).isEqualTo("one, two");
        Map<String, Object> multi = invoke(fixture("alb-multi.json").replace("\"/orders/42/items\"", "\"/cookies\"")
                .replace("\"POST\"", "\"GET\""));
        assertThat(at(multi, "multiValueHeaders", "set-cookie")).isEqualTo(List.of(
                "a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT", "b=2; HttpOnly"));
    }

    @Test
    void anEmptyResponseIsAnEmptyTextBody() {
        AllFrameHandler h = AllFrameHandler.of(() -> dev.allframe.http.Router.builder()
                .delete("/orders/{id}", req -> dev.allframe.http.Response.noContent()).build());
        byte[] doc = h.handle(fixture("http-v2-minimal.json").replace("\"/health\"", "\"/orders/1\"")
                .replace("\"GET\"", "\"DELETE\"").getBytes(StandardCharsets.UTF_8), null);
        assertThat(new String(doc, StandardCharsets.UTF_8))
                .isEqualTo("{\"statusCode\":204,\"headers\":{},\"body\":\"\",\"isBase64Encoded\":false}");
    }

    @Test
    void anUnknownButValidMethodReachesTheRouterAndAnInvalidOneIsAMalformedEvent() {
        Map<String, Object> doc = invoke(fixture("http-v2-minimal.json").replace("\"GET\"", "\"PROPFIND\""));
        assertThat(((Number) doc.get("statusCode")).intValue()).isEqualTo(405);
        assertThatThrownBy(() -> invoke(fixture("http-v2-minimal.json").replace("\"GET\"", "\"G T\"")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'requestContext.http.method' is not an HTTP method: 'G T'");
    }

    @Test
    void withoutARuntimeContextNoContextAttributeIsSet() {
        byte[] doc = handler.handle(fixture("http-v2-minimal.json").getBytes(StandardCharsets.UTF_8), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) JsonCodecs.defaultCodec().read(doc, Object.class);
        assertThat(body(map)).doesNotContainKey("lambdaRequestId").containsEntry("kind", "HTTP_API");
    }
}
