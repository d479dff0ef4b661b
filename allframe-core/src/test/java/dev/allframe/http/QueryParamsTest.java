package dev.allframe.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {
    @Test
    void keeps_repeated_keys_in_order() {
        QueryParams q = QueryParams.parse("tag=a&x=1&tag=b&tag=c");
        assertThat(q.all("tag")).containsExactly("a", "b", "c");
        assertThat(q.first("tag")).contains("a");
        assertThat(q.names()).containsExactly("tag", "x");
    }

    @Test
    void percent_decodes_names_and_values_and_reads_plus_as_space() {
        QueryParams q = QueryParams.parse("na%6De=J%C3%BCrgen+M%C3%BCller&q=a%2Bb%26c%3Dd");
        assertThat(q.first("name")).contains("Jürgen Müller");
        assertThat(q.first("q")).contains("a+b&c=d");
    }

    @Test
    void keys_without_values_and_empty_pairs() {
        QueryParams q = QueryParams.parse("flag&&empty=&=v");
        assertThat(q.first("flag")).contains("");
        assertThat(q.first("empty")).contains("");
        assertThat(q.first("")).contains("v");
        assertThat(q.names()).containsExactly("flag", "empty", "");
    }

    @Test
    void no_query_is_empty() {
        assertThat(QueryParams.parse(null).isEmpty()).isTrue();
        assertThat(QueryParams.parse("").isEmpty()).isTrue();
        assertThat(QueryParams.parse("a=1").first("b")).isEmpty();
    }

    @Test
    void invalid_percent_encoding_is_a_400_naming_the_query() {
        assertThatThrownBy(() -> QueryParams.parse("a=%G1")).isInstanceOfSatisfying(HttpException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("query string").contains("%G1");
                });
        assertThatThrownBy(() -> QueryParams.parse("a=%")).isInstanceOf(HttpException.class);
        assertThatThrownBy(() -> QueryParams.parse("a=%FF%FE")).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.problem().detail()).contains("UTF-8"));
    }

    @Test
    void the_request_builder_splits_path_and_query() {
        Request r = Request.builder(HttpMethod.GET, "/search?q=a+b&page=2").build();
        assertThat(r.path()).isEqualTo("/search");
        assertThat(r.query().first("q")).contains("a b");
        assertThat(r.query().first("page")).contains("2");
    }
}
