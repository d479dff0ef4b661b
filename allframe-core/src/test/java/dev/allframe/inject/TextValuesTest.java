package dev.allframe.inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextValuesTest {
    @Test
    void booleansAreTrueOrFalseInAnyCaseAndAnythingElseIsAnError() {
        assertThat(TextValues.parseBoolean("true")).isTrue();
        assertThat(TextValues.parseBoolean("FALSE")).isFalse();
        assertThat(TextValues.parseBoolean("True")).isTrue();
        for (String bad : new String[] {"yes", "1", "", " true", "truee"}) {
            assertThatThrownBy(() -> TextValues.parseBoolean(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void durationsAreIsoOrANumberWithAUnitIgnoringSurroundingBlanks() {
        assertThat(TextValues.parseDuration(" pt1m ")).isEqualTo(Duration.ofMinutes(1));
        assertThat(TextValues.parseDuration("500MS")).isEqualTo(Duration.ofMillis(500));
        assertThat(TextValues.parseDuration("3 h")).isEqualTo(Duration.ofHours(3));
        assertThat(TextValues.parseDuration("0s")).isEqualTo(Duration.ZERO);
        for (String bad : new String[] {"", "s", "10", "-5s", "1.5s", "10y", "P"}) {
            assertThatThrownBy(() -> TextValues.parseDuration(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theEnvReadersMessagesUseTheSharedWords() {
        EnvReader env = EnvReader.of(Environment.of(java.util.Map.of("N", "x", "B", "maybe", "D", "soon")));
        env.intValue("N", Env.REQUIRED);
        env.booleanValue("B", Env.REQUIRED);
        env.duration("D", Env.REQUIRED);
        assertThatThrownBy(env::check).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("N must be " + TextValues.AN_INTEGER + ", got 'x'")
                .hasMessageContaining("B must be " + TextValues.TRUE_OR_FALSE + ", got 'maybe'")
                .hasMessageContaining("D must be " + TextValues.A_DURATION + ", got 'soon'");
    }
}
