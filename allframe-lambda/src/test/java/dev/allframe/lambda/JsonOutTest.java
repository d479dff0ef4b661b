package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The door's response writer: fixed-shape JSON whose strings survive the UTF-8 encoding unchanged. */
class JsonOutTest {
    @Test
    void writesNestedObjectsWithCommasAndEscapedStrings() {
        String json = new JsonOut(64).begin()
                .field("statusCode").number(201)
                .field("headers").begin().field("location").string("/orders/\"o-1\"").end()
                .field("cookies").strings(List.of("a=1", "b=\\2"))
                .field("body").string(null)
                .field("isBase64Encoded").bool(false)
                .end().toString();
        assertThat(json).isEqualTo("{\"statusCode\":201,\"headers\":{\"location\":\"/orders/\\\"o-1\\\"\"},"
                + "\"cookies\":[\"a=1\",\"b=\\\\2\"],\"body\":null,\"isBase64Encoded\":false}");
    }

    @Test
    void aLoneSurrogateReachesTheBytesAsAnEscapeInsteadOfAQuestionMark() {
        byte[] bytes = new JsonOut(16).begin().field("body").string("x\uD800y \u2028 \uD83D\uDE00").end().bytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("{\"body\":\"x\\ud800y \\u2028 \uD83D\uDE00\"}");
    }
}
