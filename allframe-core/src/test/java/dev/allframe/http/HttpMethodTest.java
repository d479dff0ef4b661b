package dev.allframe.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpMethodTest {
    @Test
    void standard_names_give_the_shared_constants() {
        assertThat(HttpMethod.of("GET")).isSameAs(HttpMethod.GET);
        assertThat(HttpMethod.of("PATCH")).isSameAs(HttpMethod.PATCH);
    }

    @Test
    void extension_methods_are_values() {
        assertThat(HttpMethod.of("PURGE")).isEqualTo(HttpMethod.of("PURGE")).isNotEqualTo(HttpMethod.GET);
        assertThat(HttpMethod.of("PURGE").name()).isEqualTo("PURGE");
    }

    @Test
    void names_are_case_sensitive() {
        assertThat(HttpMethod.of("get")).isNotEqualTo(HttpMethod.GET);
    }

    @Test
    void rejects_names_that_are_not_tokens() {
        assertThatThrownBy(() -> HttpMethod.of("GE T")).hasMessageContaining("RFC 9110 token");
        assertThatThrownBy(() -> HttpMethod.of("")).hasMessageContaining("RFC 9110 token");
    }
}
