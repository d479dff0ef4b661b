package dev.allframe.lambda;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** With Cloud Run's JSON logs asked for, System.Logger goes to java.util.logging even with this module present. */
class JulLoggerTest {
    @Test
    void isChosenOnlyWhenServerJsonLogsAreAskedFor() {
        assertThat(JulLogger.wanted(Map.of())).isFalse();
        assertThat(JulLogger.wanted(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"))).isFalse();
        assertThat(JulLogger.wanted(Map.of("K_SERVICE", "orders"))).isTrue();
        assertThat(JulLogger.wanted(Map.of("ALLFRAME_LOG_FORMAT", "json"))).isTrue();
        assertThat(JulLogger.wanted(Map.of("K_SERVICE", "orders", "ALLFRAME_LOG_FORMAT", "text"))).isFalse();
    }

    @Test
    void handsRecordsWithTheirParametersAndExceptionToJul() {
        Logger jul = Logger.getLogger("jul-logger-test");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(h);
        try {
            System.Logger logger = new JulLogger("jul-logger-test");
            logger.log(System.Logger.Level.WARNING, "order {0} late", "o-1");
            IllegalStateException boom = new IllegalStateException("boom");
            logger.log(System.Logger.Level.ERROR, "failed", boom);
            logger.log(System.Logger.Level.TRACE, "hidden at INFO");
            assertThat(records).hasSize(2);
            assertThat(records.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
            assertThat(records.get(0).getParameters()).containsExactly("o-1");
            assertThat(records.get(1).getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
            assertThat(records.get(1).getThrown()).isSameAs(boom);
            assertThat(records.get(1).getLoggerName()).isEqualTo("jul-logger-test");
        } finally {
            jul.removeHandler(h);
        }
    }
}
