package dev.allframe.json;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Untyped reads ({@code Object}, {@code Map}, {@code List}) through the default codec. */
class TreeReaderTest {
    private final JsonCodec codec = JsonCodecs.avaje();

    private Object read(String json) {
        return codec.read(json.getBytes(StandardCharsets.UTF_8), Object.class);
    }

    @Test
    void reads_the_same_values_as_the_library_did() {
        assertThat(read("[1, -0, 1.5, 1e3, 9223372036854775807, 1.0, true, false, null, {\"a\":1,\"b\":\"x\"}, []]"))
                .isEqualTo(Arrays.asList(1L, 0L, 1.5d, 1000L, Long.MAX_VALUE, 1L, true, false, null,
                        new LinkedHashMap<>(Map.of("a", 1L, "b", "x")), List.of()));
        assertThat(read("{\"z\":1,\"a\":2}")).isInstanceOf(LinkedHashMap.class).asString().isEqualTo("{z=1, a=2}");
    }

    @Test
    void integers_beyond_a_long_stay_exact() {
        assertThat(read("12345678901234567890")).isEqualTo(new BigDecimal("12345678901234567890"));
    }

    @Test
    void decodes_every_escape_and_utf8() {
        assertThat(read("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00fc\\ud83d\\ude00 ü\"")).isEqualTo("\"\\/\b\f\n\r\tü😀 ü");
    }

    @Test
    void reads_strings_far_longer_than_the_library_can() {
        String big = "y".repeat(200_000);
        assertThat(read("{\"body\":\"" + big + "\"}")).isEqualTo(Map.of("body", big));
    }

    @Test
    void refuses_what_rfc_8259_refuses_naming_the_byte() {
        assertThatThrownBy(() -> read("[1,]")).hasMessage("invalid JSON for Object: expected a value but found ']'"
                + " at byte 3");
        assertThatThrownBy(() -> read("{\"a\":1,}")).hasMessageContaining("expected a member name in double quotes");
        assertThatThrownBy(() -> read("[01]")).hasMessageContaining("must not start with 0");
        assertThatThrownBy(() -> read("[1.]")).hasMessageContaining("a digit after '.'");
        assertThatThrownBy(() -> read("[\"\\x\"]")).hasMessageContaining("invalid escape '\\x'");
        assertThatThrownBy(() -> read("[1] x")).hasMessageContaining("unexpected 'x' after the value at byte 4");
        assertThatThrownBy(() -> read("[NaN]")).hasMessageContaining("expected a value but found 'N'");
        assertThatThrownBy(() -> read("[\"a\tb\"]")).hasMessageContaining("control character (U+0009)");
        assertThatThrownBy(() -> read("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member name 'a'");
        assertThatThrownBy(() -> read("[1, 2")).hasMessageContaining("an array is not closed");
        assertThatThrownBy(() -> read("\"abc")).hasMessageContaining("a string is not closed");
        assertThatThrownBy(() -> read("  ")).hasMessageContaining("the document is empty");
        assertThatThrownBy(() -> read("1" + "0".repeat(1000))).hasMessageContaining("longer than 1000");
        assertThatThrownBy(() -> read("nul")).hasMessageContaining("expected 'null'");
    }

    @Test
    void a_map_target_wants_an_object() {
        assertThatThrownBy(() -> codec.read("[1]".getBytes(StandardCharsets.UTF_8), Map.class))
                .isInstanceOf(JsonCodecException.class).hasMessage("invalid JSON for Map: expected a JSON object but"
                        + " found an array");
        assertThatThrownBy(() -> read("null")).hasMessage("JSON body is null; expected Object");
    }

    @Test
    void null_elements_of_a_list_are_written_not_dropped() {
        // Found by CoreFuzzTest.untypedJsonDecoding on its first seed: Avaje Jsonb wrote [1,null,2] as [1,2].
        Object value = read("{\"items\":[1,null,2],\"gone\":null,\"n\":{\"a\":[null]}}");
        assertThat(new String(codec.write(value), StandardCharsets.UTF_8))
                .isEqualTo("{\"items\":[1,null,2],\"n\":{\"a\":[null]}}");
    }

    @Test
    void a_map_holding_a_record_is_still_written_by_the_library() {
        record Point(int x) {
        }
        assertThatThrownBy(() -> codec.write(Map.of("p", new Point(1))))
                .isInstanceOf(MissingJsonAdapterException.class);
    }

    @Test
    void an_exponent_beyond_an_int_is_invalid_json_not_a_number_format_exception() {
        // Found by CoreFuzzTest.untypedJsonDecoding (seed crash-88b5bae0...): BigDecimal threw NumberFormatException,
        // which escaped the codec as neither a client error nor a JsonCodecException.
        assertThatThrownBy(() -> read("[1e30123456789012345678901234567890]"))
                .isInstanceOf(JsonCodecException.class)
                .hasMessageStartingWith("invalid JSON for Object: the number at byte 1 is out of range");
        assertThat(read("1e999999999")).isEqualTo(new BigDecimal("1e999999999"));
    }
}
