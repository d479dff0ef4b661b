package dev.allframe.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonStringsTest {
    /** Parses the literal with the JSON library (inside an array: Avaje reads no top-level string). */
    private static String readBack(String literal) {
        List<?> values = JsonCodecs.defaultCodec().read(("[" + literal + "]").getBytes(StandardCharsets.UTF_8),
                List.class);
        return (String) values.get(0);
    }

    @Test
    void leavesPlainTextAndNonAsciiLettersAsTheyAre() {
        assertThat(JsonStrings.quote("orders-http")).isEqualTo("\"orders-http\"");
        assertThat(JsonStrings.quote("")).isEqualTo("\"\"");
        assertThat(JsonStrings.quote("café ß 東京 ${x} %{y}")).isEqualTo("\"café ß 東京 ${x} %{y}\"");
    }

    @Test
    void escapesQuotesBackslashesAndTheCommonWhitespaceWithShortForms() {
        assertThat(JsonStrings.quote("say \"hi\" \\ now\nand\rthen\tgo"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ now\\nand\\rthen\\tgo\"");
    }

    @Test
    void escapesEveryOtherControlCharacterAndDelAsLowerCaseUnicode() {
        for (char c = 0; c < 0x20; c++) {
            if (c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            assertThat(JsonStrings.quote("a" + c + "b")).isEqualTo("\"a\\u%04xb\"".formatted((int) c));
        }
        assertThat(JsonStrings.quote("\u001b[0m\u007f")).isEqualTo("\"\\u001b[0m\\u007f\"");
        // Backspace and form feed too: the output must also be valid inside an HCL string.
        assertThat(JsonStrings.quote("\b\f")).isEqualTo("\"\\u0008\\u000c\"");
    }

    @Test
    void escapesTheJavaScriptLineTerminators() {
        assertThat(JsonStrings.quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
    }

    @Test
    void keepsSurrogatePairsAndEscapesLoneSurrogatesSoUtf8LosesNothing() {
        String emoji = "\uD83D\uDE00";
        assertThat(JsonStrings.quote("x" + emoji + "y")).isEqualTo("\"x" + emoji + "y\"");
        assertThat(JsonStrings.quote("\uD83D")).isEqualTo("\"\\ud83d\"");              // high at the end
        assertThat(JsonStrings.quote("\uD83Dx")).isEqualTo("\"\\ud83dx\"");            // high before a non-low
        assertThat(JsonStrings.quote("x\uDE00")).isEqualTo("\"x\\ude00\"");            // low alone
        assertThat(JsonStrings.quote("\uDE00\uD83D")).isEqualTo("\"\\ude00\\ud83d\""); // reversed pair
        assertThat(JsonStrings.quote("\uD83D\uD83D\uDE00")).isEqualTo("\"\\ud83d" + emoji + "\"");
        String lone = "a\uDC00b";
        byte[] utf8 = JsonStrings.quote(lone).getBytes(StandardCharsets.UTF_8);
        assertThat(readBack(new String(utf8, StandardCharsets.UTF_8))).isEqualTo(lone);
    }

    @Test
    void everySingleCharacterReadsBackUnchangedThroughAJsonParser() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            all.append((char) c);
        }
        for (int from = 0; from < all.length(); from += 1024) { // the parser limits one string's length
            String text = all.substring(from, from + 1024);
            assertThat(readBack(JsonStrings.quote(text))).isEqualTo(text);
        }
    }

    @Test
    void appendsToABuilderWithOrWithoutQuotes() {
        StringBuilder sb = new StringBuilder("{\"k\":");
        assertThat(JsonStrings.quote(sb, "v\"")).isSameAs(sb);
        assertThat(sb).hasToString("{\"k\":\"v\\\"\"");
        assertThat(JsonStrings.escape(new StringBuilder(), "a\\b")).hasToString("a\\\\b");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> JsonStrings.quote(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> JsonStrings.escape(new StringBuilder(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("s");
    }
}
