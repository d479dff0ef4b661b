package dev.allframe.cqrs;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemsTest {
    private final Router router = Router.builder()
            .apply(CommandProblems::register)
            .get("/conflict", r -> {
                throw CommandException.conflict("order o-1 is already submitted");
            })
            .get("/unprocessable", r -> {
                throw CommandException.unprocessable("unknown product");
            })
            .get("/invalid", r -> {
                throw new ValidationException(List.of(new FieldError("qty", "must be positive")));
            })
            .get("/race", r -> {
                throw new ConcurrencyConflictException("order-1", ExpectedVersion.exactly(3), 4);
            })
            .build();

    @Test
    void aBusinessRuleConflictIs409ProblemJson() {
        Response r = router.handle(Request.get("/conflict"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.headers().firstOrNull("content-type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsString()).contains("\"detail\":\"order o-1 is already submitted\"");
    }

    @Test
    void anUnprocessableCommandIs422() {
        assertThat(router.handle(Request.get("/unprocessable")).status()).isEqualTo(422);
    }

    @Test
    void validationErrorsAre422WithFieldLevelErrors() {
        Response r = router.handle(Request.get("/invalid"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.bodyAsString()).contains("\"errors\":[{\"field\":\"qty\",\"message\":\"must be positive\"}]");
    }

    @Test
    void aLostRaceIs409WithBothVersions() {
        Response r = router.handle(Request.get("/race"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.bodyAsString()).contains("\"actualVersion\":4", "\"expectedVersion\":3");
    }
}
