package dev.allframe.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadersTest {
    @Test
    void names_are_case_insensitive_and_kept_lower_case() {
        Headers h = Headers.of("Content-Type", "text/plain", "X-Trace", "1");
        assertThat(h.firstOrNull("content-type")).isEqualTo("text/plain");
        assertThat(h.first("CONTENT-TYPE")).contains("text/plain");
        assertThat(h.names()).containsExactly("content-type", "x-trace");
    }

    @Test
    void repeated_fields_keep_every_value_in_order() {
        Headers h = Headers.builder().add("Set-Cookie", "a=1").add("set-cookie", "b=2").add("SET-COOKIE", "c=3")
                .build();
        assertThat(h.all("set-cookie")).containsExactly("a=1", "b=2", "c=3");
        assertThat(h.size()).isEqualTo(1);
        List<String> pairs = new ArrayList<>();
        h.forEach((n, v) -> pairs.add(n + "=" + v));
        assertThat(pairs).containsExactly("set-cookie=a=1", "set-cookie=b=2", "set-cookie=c=3");
    }

    @Test
    void with_replaces_and_without_removes_leaving_the_original_untouched() {
        Headers h = Headers.of("a", "1", "a", "2");
        Headers replaced = h.with("A", "3");
        assertThat(replaced.all("a")).containsExactly("3");
        assertThat(h.all("a")).containsExactly("1", "2");
        assertThat(replaced.without("a").isEmpty()).isTrue();
    }

    @Test
    void builds_from_a_map_merging_names_that_differ_only_in_case() {
        Headers h = Headers.ofMap(Map.of("Accept", List.of("a/b"), "ACCEPT", List.of("c/d")));
        assertThat(h.all("accept")).containsExactlyInAnyOrder("a/b", "c/d");
    }

    @Test
    void absent_fields_are_empty() {
        assertThat(Headers.empty().first("x")).isEmpty();
        assertThat(Headers.empty().all("x")).isEmpty();
        assertThat(Headers.empty().contains("x")).isFalse();
    }

    @Test
    void rejects_invalid_names_and_values_that_would_split_a_response() {
        assertThatThrownBy(() -> Headers.of("bad name", "x")).hasMessageContaining("header name");
        assertThatThrownBy(() -> Headers.of("", "x")).hasMessageContaining("header name");
        assertThatThrownBy(() -> Headers.of("x", "a\r\nInjected: 1")).hasMessageContaining("CR, LF or NUL");
        assertThatThrownBy(() -> Headers.of("x")).hasMessageContaining("expected pairs");
    }

    @Test
    void equal_fields_are_equal() {
        assertThat(Headers.of("A", "1")).isEqualTo(Headers.of("a", "1")).hasSameHashCodeAs(Headers.of("a", "1"));
    }
}
