package dev.allframe.inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvReaderTest {
    @Test
    void readsValuesAndFallsBackToDefaultsForUnsetOrEmptyVariables() {
        EnvReader env = EnvReader.of(Environment.of(Map.of("TABLE", "events", "EMPTY", "", "PORT", " 9090 ")));
        assertThat(env.string("TABLE", Env.REQUIRED)).isEqualTo("events");
        assertThat(env.string("EMPTY", "fallback")).isEqualTo("fallback");
        assertThat(env.intValue("PORT", "8080")).isEqualTo(9090);
        assertThat(env.longValue("MISSING", "5000000000")).isEqualTo(5_000_000_000L);
        assertThat(env.doubleValue("MISSING", "0.5")).isEqualTo(0.5);
        assertThat(env.booleanValue("MISSING", "TRUE")).isTrue();
        assertThat(env.optional("TABLE")).contains("events");
        assertThat(env.optional("EMPTY")).isEqualTo(Optional.empty());
        env.check();
    }

    @Test
    void collectsEveryProblemBeforeFailing() {
        EnvReader env = EnvReader.of(Environment.of(Map.of("PORT", "http", "FLAG", "yes", "WAIT", "5 parsecs")));
        env.string("TABLE", Env.REQUIRED);
        env.intValue("PORT", Env.REQUIRED);
        env.booleanValue("FLAG", "false");
        env.duration("WAIT", "1s");
        assertThatThrownBy(env::check).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("The application is not configured: environment variable TABLE is required")
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "environment variable TABLE is required but not set",
                        "environment variable PORT must be an integer, got 'http'",
                        "environment variable FLAG must be true or false, got 'yes'",
                        "environment variable WAIT must be a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d, "
                                + "got '5 parsecs'"));
    }

    @Test
    void parsesDurationsInIsoAndShortForms() {
        assertThat(EnvReader.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(EnvReader.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(EnvReader.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(EnvReader.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(EnvReader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(EnvReader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> EnvReader.parseDuration("ms")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvReader.parseDuration("10y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvReader.parseDuration("PTxS")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemEnvironmentReadsTheProcessEnvironment() {
        String path = System.getenv("PATH");
        assertThat(Environment.system().get("PATH")).isEqualTo(path);
        assertThat(Environment.system().get("ALLFRAME_SURELY_UNSET_VARIABLE")).isNull();
    }
}
