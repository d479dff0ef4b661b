package dev.allframe.infra.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MiniJsonTest {
    @Test
    void parses_every_json_type_keeping_key_order() {
        Object v = MiniJson.parse(" {\"b\": [1, -2.5e1, true, false, null], \"a\": \"x\\u00e9\\n\\\"\"} ");
        assertThat(v).isInstanceOf(Map.class);
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(((Map<?, ?>) v).get("b")).isEqualTo(Arrays.asList(1L, new BigDecimal("-2.5e1"), true, false, null));
        assertThat(((Map<?, ?>) v).get("a")).isEqualTo("xé\n\"");
    }

    @Test
    void rejects_malformed_input_with_line_and_column() {
        assertThatThrownBy(() -> MiniJson.parse("{\"a\": 1,\n \"a\": 2}"))
                .hasMessage("invalid JSON at line 2, column 2: duplicate key \"a\"");
        assertThatThrownBy(() -> MiniJson.parse("[1 2]")).hasMessage("invalid JSON at line 1, column 4: expected ']'");
        assertThatThrownBy(() -> MiniJson.parse("\"open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> MiniJson.parse("{} x")).hasMessageContaining("unexpected text after the JSON value");
        assertThatThrownBy(() -> MiniJson.parse("\"\\q\"")).hasMessageContaining("unknown escape \\q");
        assertThatThrownBy(() -> MiniJson.parse("")).hasMessageContaining("unexpected end of input");
        assertThatThrownBy(() -> MiniJson.parse("1.2.3")).hasMessageContaining("malformed number '1.2.3'");
    }

    @Test
    void writes_stable_indented_json_that_parses_back_to_the_same_value() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n control \u0001 separator \u2028");
        m.put("n", 42L);
        m.put("l", List.of(true, new BigDecimal("1.5")));
        m.put("e", Map.of());
        m.put("z", null);
        String text = MiniJson.write(m);
        assertThat(text).isEqualTo("""
                {
                  "s": "quote \\" backslash \\\\ newline \\n control \\u0001 separator \\u2028",
                  "n": 42,
                  "l": [
                    true,
                    1.5
                  ],
                  "e": {},
                  "z": null
                }
                """);
        assertThat(MiniJson.parse(text)).isEqualTo(m);
    }

    @Test
    void refuses_to_write_a_value_it_cannot_represent() {
        assertThatThrownBy(() -> MiniJson.write(new Object())).hasMessageContaining("cannot write a java.lang.Object");
    }
}
