package dev.allframe.health;

import dev.allframe.json.JsonCodecs;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthChecksTest {
    @Test
    void isUpWithoutChecks() {
        assertThat(HealthChecks.none().all().up()).isTrue();
        assertThat(HealthChecks.none().readiness().httpStatus()).isEqualTo(200);
    }

    @Test
    void readinessGoesDownWhenOneCheckIsDownButLivenessStaysUp() {
        HealthChecks checks = HealthChecks.builder()
                .liveness("jvm", HealthCheck.Result::up)
                .readiness("db", () -> HealthCheck.Result.down("connection refused"))
                .build();

        assertThat(checks.liveness().up()).isTrue();
        HealthReport ready = checks.readiness();
        assertThat(ready.up()).isFalse();
        assertThat(ready.httpStatus()).isEqualTo(503);
        assertThat(checks.all().checks()).containsOnlyKeys("jvm", "db");
    }

    @Test
    void reportsAThrowingCheckAsDownWithItsMessageAndNoStack() {
        HealthChecks checks = HealthChecks.builder()
                .readiness("queue", () -> {
                    throw new IllegalStateException("queue not reachable");
                })
                .build();

        HealthReport report = checks.readiness();

        assertThat(report.checks().get("queue"))
                .isEqualTo(new HealthCheck.Result(false, "IllegalStateException: queue not reachable"));
        String json = new String(JsonCodecs.defaultCodec().write(report.toMap()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"queue\":{\"status\":\"DOWN\","
                + "\"detail\":\"IllegalStateException: queue not reachable\"}}}");
    }

    @Test
    void aDegradedCheckKeepsTheServiceReadyAndSaysSoInTheReport() {
        HealthChecks checks = HealthChecks.builder()
                .readiness("db", HealthCheck.Result::up)
                .readiness("summaries", () -> HealthCheck.Result.degraded("1 parked event, the first at 12"))
                .build();

        HealthReport report = checks.readiness();

        assertThat(report.up()).isTrue();
        assertThat(report.degraded()).isTrue();
        assertThat(report.httpStatus()).isEqualTo(200);
        String json = new String(JsonCodecs.defaultCodec().write(report.toMap()), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"status\":\"DEGRADED\",\"checks\":{\"db\":{\"status\":\"UP\"},"
                + "\"summaries\":{\"status\":\"DEGRADED\",\"detail\":\"1 parked event, the first at 12\"}}}");
        HealthReport down = checks.withReadiness("queue", () -> HealthCheck.Result.down("gone")).readiness();
        assertThat(down.toMap()).containsEntry("status", "DOWN");
        assertThat(down.httpStatus()).isEqualTo(503);
    }

    @Test
    void rejectsADuplicateNameAcrossGroups() {
        HealthChecks.Builder b = HealthChecks.builder().liveness("db", HealthCheck.Result::up);
        assertThatThrownBy(() -> b.readiness("db", HealthCheck.Result::up))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'db' is already registered");
    }

    @Test
    void withReadinessAddsACheckToACopy() {
        HealthChecks base = HealthChecks.builder().liveness("jvm", HealthCheck.Result::up).build();
        HealthChecks more = base.withReadiness("draining", () -> HealthCheck.Result.down("shutting down"));

        assertThat(base.readiness().up()).isTrue();
        assertThat(more.readiness().up()).isFalse();
        assertThat(more.liveness().up()).isTrue();
    }
}
