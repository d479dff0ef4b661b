package dev.allframe.json;

import dev.allframe.inject.ConfigurationException;
import dev.allframe.inject.Environment;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonLimitsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_defaults_are_documented_values() {
        assertThat(JsonLimits.defaults()).isEqualTo(new JsonLimits(500, 8 * 1024 * 1024, 100_000, 10 * 1024 * 1024));
    }

    @Test
    void the_environment_overrides_each_default() {
        JsonLimits limits = JsonLimits.fromEnvironment(Environment.of(Map.of("ALLFRAME_JSON_MAX_DEPTH", "64",
                "ALLFRAME_JSON_MAX_STRING_BYTES", "1_000", "ALLFRAME_JSON_MAX_ENTRIES", " 10 ",
                "ALLFRAME_JSON_MAX_DOCUMENT_BYTES", "4096")));
        assertThat(limits).isEqualTo(new JsonLimits(64, 1000, 10, 4096));
        assertThat(JsonLimits.fromEnvironment(Environment.of(Map.of()))).isEqualTo(JsonLimits.defaults());
    }

    @Test
    void malformed_variables_are_all_named_at_once() {
        assertThatThrownBy(() -> JsonLimits.fromEnvironment(Environment.of(Map.of("ALLFRAME_JSON_MAX_DEPTH", "0",
                "ALLFRAME_JSON_MAX_ENTRIES", "lots"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ALLFRAME_JSON_MAX_DEPTH must be a whole number from 1 to 2147483647, but is '0'")
                .hasMessageContaining("ALLFRAME_JSON_MAX_ENTRIES must be a whole number from 1 to 2147483647, but is"
                        + " 'lots'");
    }

    @Test
    void a_limit_below_one_is_rejected_naming_it() {
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxEntries(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntries (expected >= 1): 0");
    }

    @Test
    void the_codec_checks_every_limit_before_building_a_value() {
        JsonCodec codec = JsonCodecs.avaje(new JsonLimits(2, 3, 2, 30));
        assertThat(codec.<Object>read(utf8("{\"a\":[\"abc\",1]}"), Object.class)).isEqualTo(
                Map.of("a", java.util.List.of("abc", 1L)));
        assertThatThrownBy(() -> codec.read(utf8("{\"a\":[[1]]}"), Object.class))
                .isInstanceOfSatisfying(JsonLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo("maxDepth");
                    assertThat(e.max()).isEqualTo(2);
                })
                .hasMessage("the JSON nests deeper than the limit of 2 levels (maxDepth) at byte 6");
        assertThatThrownBy(() -> codec.read(utf8("[\"abcd\"]"), Object.class))
                .hasMessage("a JSON string of 4 bytes at byte 1 exceeds the limit of 3 bytes (maxStringBytes)");
        assertThatThrownBy(() -> codec.read(utf8("[1,2,3]"), Object.class))
                .hasMessage("a JSON array has more than the limit of 2 entries (maxEntries) at byte 4");
        assertThatThrownBy(() -> codec.read(utf8("[" + " ".repeat(29) + "]"), Object.class))
                .hasMessage("the JSON document of 31 bytes exceeds the limit of 30 bytes (maxDocumentBytes)");
    }

    @Test
    void an_unterminated_string_beyond_the_limit_is_reported_as_such() {
        assertThatThrownBy(() -> JsonLimits.defaults().withMaxStringBytes(3).check(utf8("[\"abcd")))
                .hasMessage("a JSON string of at least 4 bytes at byte 1 exceeds the limit of 3 bytes (maxStringBytes)");
    }

    @Test
    void an_escaped_backslash_ends_before_the_closing_quote() {
        JsonLimits.defaults().withMaxStringBytes(2).withMaxEntries(2).check(utf8("[\"\\\\\",\"ab\"]"));
    }

    @Test
    void a_missing_adapter_is_not_a_json_codec_exception() {
        record NoAdapter(String a) {
        }
        assertThatThrownBy(() -> JsonCodecs.avaje().read(utf8("{\"a\":\"x\"}"), NoAdapter.class))
                .isExactlyInstanceOf(MissingJsonAdapterException.class)
                .isNotInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("No JSON adapter for dev.allframe.json.JsonLimitsTest$1NoAdapter: annotate it"
                        + " with @io.avaje.jsonb.Json");
        assertThatThrownBy(() -> JsonCodecs.avaje().write(new NoAdapter("x")))
                .isExactlyInstanceOf(MissingJsonAdapterException.class)
                .hasMessageStartingWith("No JSON adapter for dev.allframe.json.JsonLimitsTest$1NoAdapter");
    }
}
