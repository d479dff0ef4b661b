package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEventsTest {
    @Test
    void rawPathKeepsValidEscapesAndEncodesWhatCannotAppearRaw() {
        assertThat(HttpEvents.rawPath("/a%20b")).isEqualTo("/a%20b");
        assertThat(HttpEvents.rawPath("/a b")).isEqualTo("/a%20b");
        assertThat(HttpEvents.rawPath("/café")).isEqualTo("/caf%C3%A9");
        assertThat(HttpEvents.rawPath("/100%")).isEqualTo("/100%25");
        assertThat(HttpEvents.rawPath("/%zz")).isEqualTo("/%25zz");
        assertThat(HttpEvents.rawPath("/emoji/\uD83D\uDE00")).isEqualTo("/emoji/%F0%9F%98%80");
        assertThat(HttpEvents.rawPath("")).isEqualTo("/");
        assertThat(HttpEvents.rawPath("orders")).isEqualTo("/orders");
    }

    @Test
    void stripsANamedStageOnlyAsAWholeLeadingSegment() {
        assertThat(HttpEvents.stripStage("/prod/orders", "prod")).isEqualTo("/orders");
        assertThat(HttpEvents.stripStage("/prod", "prod")).isEqualTo("/");
        assertThat(HttpEvents.stripStage("/production/orders", "prod")).isEqualTo("/production/orders");
        assertThat(HttpEvents.stripStage("/orders", "$default")).isEqualTo("/orders");
        assertThat(HttpEvents.stripStage("/orders", null)).isEqualTo("/orders");
    }

    @Test
    void decidesTextOrBinaryByContentType() {
        byte[] text = "hi".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0};
        assertThat(HttpEvents.isText("application/json", text)).isTrue();
        assertThat(HttpEvents.isText("application/problem+json", text)).isTrue();
        assertThat(HttpEvents.isText("text/html; charset=utf-8", text)).isTrue();
        assertThat(HttpEvents.isText("image/svg+xml", text)).isTrue();
        assertThat(HttpEvents.isText("image/png", text)).isFalse();
        assertThat(HttpEvents.isText("application/octet-stream", text)).isFalse();
        assertThat(HttpEvents.isText("application/x-custom; charset=utf-8", text)).isTrue();
        assertThat(HttpEvents.isText(null, text)).isTrue();
        assertThat(HttpEvents.isText(null, binary)).isFalse();
        assertThat(HttpEvents.isText("image/png", new byte[0])).isTrue();
    }

    @Test
    void responseDocumentsEscapeControlCharactersAndQuotes() {
        var response = new dev.allframe.http.Response(201, dev.allframe.http.Headers.of("x-q", "a\"b\\c"),
                "line1\nline2\u0001".getBytes(StandardCharsets.UTF_8));
        String doc = new String(HttpEvents.write(EventKind.HTTP_API, false, response), StandardCharsets.UTF_8);
        assertThat(doc).isEqualTo("{\"statusCode\":201,\"headers\":{\"x-q\":\"a\\\"b\\\\c\"},"
                + "\"body\":\"line1\\nline2\\u0001\",\"isBase64Encoded\":false}");
    }
}
