package dev.allframe.server.logging;

import dev.allframe.http.Headers;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {
    @Test
    void readsGooglesHeaderWithADecimalSpanAsSixteenHexDigits() {
        TraceContext t = TraceContext.fromHeaders(Headers.of("X-Cloud-Trace-Context",
                "4BF92F3577B34DA6A3CE929D0E0E4736/18446744073709551615;o=1")).orElseThrow();
        assertThat(t).isEqualTo(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", "ffffffffffffffff", true));
        assertThat(TraceContext.fromHeaders(Headers.of("x-cloud-trace-context", "4bf92f3577b34da6a3ce929d0e0e4736")))
                .contains(new TraceContext("4bf92f3577b34da6a3ce929d0e0e4736", null, false));
    }

    @Test
    void prefersGooglesHeaderAndFallsBackToTraceparentWhenItIsMalformed() {
        String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        assertThat(TraceContext.fromHeaders(Headers.of("x-cloud-trace-context", "not-a-trace", "traceparent", parent)))
                .contains(new TraceContext("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true));
        assertThat(TraceContext.fromHeaders(Headers.of("x-cloud-trace-context",
                "11111111111111111111111111111111/1;o=0", "traceparent", parent)).orElseThrow().traceId())
                .isEqualTo("11111111111111111111111111111111");
    }

    @Test
    void ignoresAllZeroIdsAndTheInvalidVersion() {
        assertThat(TraceContext.fromHeaders(Headers.of("traceparent",
                "00-00000000000000000000000000000000-b7ad6b7169203331-01"))).isEmpty();
        assertThat(TraceContext.fromHeaders(Headers.of("traceparent",
                "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))).isEmpty();
        assertThat(TraceContext.fromHeaders(Headers.empty())).isEmpty();
    }

    @Test
    void aScopeRestoresThePreviousTraceWhenItCloses() {
        TraceContext outer = new TraceContext("a".repeat(32), null, false);
        TraceContext inner = new TraceContext("b".repeat(32), null, false);
        try (var a = TraceContext.open(outer)) {
            try (var b = TraceContext.open(inner)) {
                assertThat(TraceContext.current()).contains(inner);
            }
            assertThat(TraceContext.current()).contains(outer);
        }
        assertThat(TraceContext.current()).isEmpty();
        try (var none = TraceContext.open(null)) {
            assertThat(TraceContext.current()).isEmpty();
        }
        try (var a = TraceContext.open(outer); var none = TraceContext.open(null)) {
            assertThat(TraceContext.current()).isEmpty();
        } finally {
            assertThat(TraceContext.current()).isEmpty();
        }
    }

    @Test
    void theFormatterEscapesMessagesIntoOneLineAndNamesTheBareTraceWithoutAProject() {
        CloudLoggingFormatter f = new CloudLoggingFormatter(null, Map.of());
        LogRecord record = new LogRecord(Level.FINE, "a \"quoted\"\nline\u0001");
        String line;
        try (var s = TraceContext.open(new TraceContext("c".repeat(32), null, false))) {
            line = f.format(record);
        }
        assertThat(line).endsWith("}\n").doesNotContain("labels").doesNotContain("spanId");
        assertThat(line.strip()).doesNotContain("\n");
        assertThat(line).contains("\"severity\":\"DEBUG\"")
                .contains("\"message\":\"a \\\"quoted\\\"\\nline\\u0001\"")
                .contains("\"logging.googleapis.com/trace\":\"" + "c".repeat(32) + "\"");
    }
}
