package dev.allframe.server.logging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudLoggingTest {
    @Test
    void jsonIsOnUnderCloudRunOrWhenAskedAndTextWinsWhenAsked() {
        assertThat(CloudLogging.requested(Map.of())).isFalse();
        assertThat(CloudLogging.requested(Map.of("K_SERVICE", "orders"))).isTrue();
        assertThat(CloudLogging.requested(Map.of("ALLFRAME_LOG_FORMAT", "JSON"))).isTrue();
        assertThat(CloudLogging.requested(Map.of("K_SERVICE", "orders", "ALLFRAME_LOG_FORMAT", "text"))).isFalse();
        assertThatThrownBy(() -> CloudLogging.requested(Map.of("ALLFRAME_LOG_FORMAT", "yaml")))
                .hasMessage("ALLFRAME_LOG_FORMAT (expected json or text): 'yaml'");
    }

    @Test
    void theProjectComesFromTheFirstVariableThatNamesOne() {
        assertThat(CloudLogging.project(Map.of("GCP_PROJECT", "b", "GOOGLE_CLOUD_PROJECT", "a"))).isEqualTo("a");
        assertThat(CloudLogging.project(Map.of("GCLOUD_PROJECT", " c "))).isEqualTo("c");
        assertThat(CloudLogging.project(Map.of("GOOGLE_CLOUD_PROJECT", ""))).isNull();
    }

    @Test
    void levelsMapBothWays() {
        assertThat(CloudLogging.level("debug")).isEqualTo(Level.FINE);
        assertThat(CloudLogging.level(null)).isEqualTo(Level.INFO);
        assertThat(CloudLogging.level("OFF")).isEqualTo(Level.OFF);
        assertThatThrownBy(() -> CloudLogging.level("loud")).hasMessageContaining("ALLFRAME_LOG");
        assertThat(CloudLoggingFormatter.severity(Level.SEVERE)).isEqualTo("ERROR");
        assertThat(CloudLoggingFormatter.severity(Level.WARNING)).isEqualTo("WARNING");
        assertThat(CloudLoggingFormatter.severity(Level.CONFIG)).isEqualTo("INFO");
        assertThat(CloudLoggingFormatter.severity(Level.FINEST)).isEqualTo("DEBUG");
    }

    @Test
    void installingReplacesTheRootHandlersOnceAndSystemLoggerLinesComeOutAsJson() {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] saved = root.getHandlers();
        Level savedLevel = root.getLevel();
        PrintStream savedOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Map<String, String> env = Map.of("ALLFRAME_LOG_FORMAT", "json", "K_REVISION", "r-1");
            assertThat(CloudLogging.installFromEnvironment(env)).isTrue();
            assertThat(CloudLogging.installFromEnvironment(env)).isTrue();
            assertThat(root.getHandlers()).hasSize(1);
            System.getLogger("test.logger").log(System.Logger.Level.WARNING, "disk {0}% full", 91);
            System.getLogger("test.logger").log(System.Logger.Level.DEBUG, "not at info");
        } finally {
            System.setOut(savedOut);
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : saved) {
                root.addHandler(h);
            }
            root.setLevel(savedLevel);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertThat(out.lines()).hasSize(1);
        assertThat(out).startsWith("{\"severity\":\"WARNING\",\"message\":\"disk 91% full\",\"time\":\"")
                .endsWith(",\"logger\":\"test.logger\",\"logging.googleapis.com/labels\":{\"revision\":\"r-1\"}}\n");
        assertThat(CloudLogging.installFromEnvironment(Map.of())).isFalse();
    }

    @Test
    void inTextModeAllframeLogStillSetsTheLevelOfTheRootLoggerAndItsHandlers() {
        Logger root = LogManager.getLogManager().getLogger("");
        Level savedLevel = root.getLevel();
        Handler[] handlers = root.getHandlers();
        Level[] savedHandlerLevels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            savedHandlerLevels[i] = handlers[i].getLevel();
        }
        try {
            assertThat(CloudLogging.installFromEnvironment(Map.of("ALLFRAME_LOG", "debug"))).isFalse();
            assertThat(root.getLevel()).isEqualTo(Level.FINE);
            for (Handler h : root.getHandlers()) {
                assertThat(h.getLevel()).isEqualTo(Level.FINE);
            }
            assertThat(System.getLogger("text.mode").isLoggable(System.Logger.Level.DEBUG)).isTrue();

            CloudLogging.installFromEnvironment(Map.of("ALLFRAME_LOG", "error"));
            assertThat(System.getLogger("text.mode").isLoggable(System.Logger.Level.INFO)).isFalse();
            assertThatThrownBy(() -> CloudLogging.installFromEnvironment(Map.of("ALLFRAME_LOG", "chatty")))
                    .hasMessageContaining("ALLFRAME_LOG (expected off, error, warn, info, debug or trace): 'chatty'");
        } finally {
            root.setLevel(savedLevel);
            for (int i = 0; i < handlers.length; i++) {
                handlers[i].setLevel(savedHandlerLevels[i]);
            }
        }
    }
}
