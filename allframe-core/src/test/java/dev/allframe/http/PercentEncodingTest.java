package dev.allframe.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated paths are percent-encoded (RFC 3986) and route back to what was encoded. */
class PercentEncodingTest {
    private final Router router = Router.builder()
            .post("/orders", req -> Response.status(201).withLocation("/orders/{id}", req.bodyAsString()))
            .get("/orders/{id}", req -> Response.text("order[" + req.pathParam("id") + "]"))
            .get("/files/{path...}", req -> Response.text("file[" + req.pathParam("path") + "]"))
            .build();

    @Test
    void encodes_everything_but_the_unreserved_characters() {
        assertThat(PercentCodec.encodePathSegment("x/y")).isEqualTo("x%2Fy");
        assertThat(PercentCodec.encodePathSegment("a b")).isEqualTo("a%20b");
        assertThat(PercentCodec.encodePathSegment("ü")).isEqualTo("%C3%BC");
        assertThat(PercentCodec.encodePathSegment("100%")).isEqualTo("100%25");
        assertThat(PercentCodec.encodePathSegment("a+b?c#d;e")).isEqualTo("a%2Bb%3Fc%23d%3Be");
        assertThat(PercentCodec.encodePathSegment("😀")).isEqualTo("%F0%9F%98%80");
        assertThat(PercentCodec.encodePathSegment("Az09-._~")).isEqualTo("Az09-._~");
        assertThat(PercentCodec.encodePathSegment("..")).isEqualTo("%2E%2E");
        assertThat(PercentCodec.encodePathSegment("a.b")).isEqualTo("a.b");
    }

    @Test
    void expands_a_template_value_by_value() {
        assertThat(PercentCodec.expandPath("/orders/{id}/items/{sku}", "x/y", 7)).isEqualTo("/orders/x%2Fy/items/7");
        assertThat(PercentCodec.expandPath("/files/{path...}", "a b/ü/c")).isEqualTo("/files/a%20b/%C3%BC/c");
        assertThat(PercentCodec.expandPath("/health")).isEqualTo("/health");
    }

    @Test
    void a_template_and_values_that_do_not_fit_are_rejected_naming_both() {
        assertThatThrownBy(() -> PercentCodec.expandPath("/orders/{id}", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("template '/orders/{id}' has 1 parameter(s) but 2 value(s) were given");
        assertThatThrownBy(() -> PercentCodec.expandPath("/orders/{id}/{x}", "a"))
                .hasMessage("template '/orders/{id}/{x}' has 2 parameter(s) but 1 value(s) were given");
        assertThatThrownBy(() -> PercentCodec.expandPath("/orders/{id}", ""))
                .hasMessageContaining("the value for {id} in '/orders/{id}' is empty");
        assertThatThrownBy(() -> PercentCodec.expandPath("/orders/{id}", (Object) null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("{id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x/y", "a space", "ü", "100%", "a+b", "q?x=1#f", "..", "😀", "%2F"})
    void a_location_followed_through_the_router_finds_the_resource(String id) {
        Response created = router.handle(Request.builder(HttpMethod.POST, "/orders").body(id).build());
        String location = created.headers().firstOrNull("location");
        assertThat(location).startsWith("/orders/").matches("[\\x21-\\x7e]+"); // printable ASCII, no raw bytes
        assertThat(location.substring("/orders/".length())).doesNotContain("/");
        Response followed = router.handle(Request.get(location));
        assertThat(followed.status()).isEqualTo(200);
        assertThat(followed.bodyAsString()).isEqualTo("order[" + id + "]");
    }

    @Test
    void a_catch_all_value_keeps_its_slashes_and_routes_back() {
        String path = PercentCodec.expandPath("/files/{path...}", "dir one/ü%.txt");
        assertThat(router.handle(Request.get(path)).bodyAsString()).isEqualTo("file[dir one/ü%.txt]");
    }
}
