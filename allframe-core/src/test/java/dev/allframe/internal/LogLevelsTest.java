package dev.allframe.internal;

import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogLevelsTest {
    @Test
    void readsEveryLevelInAnyCaseAndDefaultsToInfo() {
        assertThat(LogLevels.parse(null)).isEqualTo(Level.INFO);
        assertThat(LogLevels.parse(" ")).isEqualTo(Level.INFO);
        assertThat(LogLevels.parse("off")).isEqualTo(Level.OFF);
        assertThat(LogLevels.parse("ERROR")).isEqualTo(Level.ERROR);
        assertThat(LogLevels.parse(" warn ")).isEqualTo(Level.WARNING);
        assertThat(LogLevels.parse("info")).isEqualTo(Level.INFO);
        assertThat(LogLevels.parse("Debug")).isEqualTo(Level.DEBUG);
        assertThat(LogLevels.parse("trace")).isEqualTo(Level.TRACE);
        assertThat(LogLevels.parse("none")).isEqualTo(Level.OFF);
        assertThat(LogLevels.parse("warning")).isEqualTo(Level.WARNING);
        assertThat(LogLevels.parse("all")).isEqualTo(Level.TRACE);
    }

    @Test
    void rejectsAnUnknownValueNamingTheVariableAndTheChoices() {
        assertThatThrownBy(() -> LogLevels.parse("loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ALLFRAME_LOG (expected off, error, warn, info, debug or trace): 'loud'");
    }

    @Test
    void mapsToTheJavaUtilLoggingLevelThatLetsTheSameRecordsThrough() {
        assertThat(LogLevels.toJul(Level.OFF)).isEqualTo(java.util.logging.Level.OFF);
        assertThat(LogLevels.toJul(Level.ERROR)).isEqualTo(java.util.logging.Level.SEVERE);
        assertThat(LogLevels.toJul(Level.WARNING)).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(LogLevels.toJul(Level.INFO)).isEqualTo(java.util.logging.Level.INFO);
        assertThat(LogLevels.toJul(Level.DEBUG)).isEqualTo(java.util.logging.Level.FINE);
        assertThat(LogLevels.toJul(Level.TRACE)).isEqualTo(java.util.logging.Level.ALL);
    }
}
