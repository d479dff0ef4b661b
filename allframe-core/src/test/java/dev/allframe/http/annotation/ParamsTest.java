package dev.allframe.http.annotation;

import dev.allframe.http.HttpException;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {
    final Request request = Request.builder(HttpMethod.GET, "/x?limit=5&limit=6&empty=")
            .header("X-Tenant", "acme").build();

    @Test
    void readsTheFirstValueOrTheDefaultOrNothing() {
        assertThat(Params.query(request, "limit", Params.REQUIRED)).isEqualTo("5");
        assertThat(Params.query(request, "empty", Params.REQUIRED)).isEmpty();
        assertThat(Params.query(request, "page", "1")).isEqualTo("1");
        assertThat(Params.query(request, "page", null)).isNull();
        assertThat(Params.header(request, "x-tenant", Params.REQUIRED)).isEqualTo("acme");
        assertThat(Params.header(request, "X-Other", "none")).isEqualTo("none");
    }

    @Test
    void aMissingRequiredValueIsA400NamingIt() {
        assertThatThrownBy(() -> Params.query(request, "page", Params.REQUIRED)).isInstanceOf(HttpException.class)
                .hasMessage("400 Bad Request: Missing required query parameter 'page'");
        assertThatThrownBy(() -> Params.header(request, "X-Key", Params.REQUIRED))
                .hasMessage("400 Bad Request: Missing required header 'X-Key'");
    }

    @Test
    void convertsOrAnswers400NamingTheParameterAndTheValue() {
        assertThat(Params.toInt("42", "q")).isEqualTo(42);
        assertThat(Params.toLong("-7", "q")).isEqualTo(-7L);
        assertThat(Params.toDouble("1.5", "q")).isEqualTo(1.5);
        assertThat(Params.toBoolean("False", "q")).isFalse();
        UUID id = UUID.randomUUID();
        assertThat(Params.toUuid(id.toString(), "q")).isEqualTo(id);
        assertThat(Params.toInt(null, "q")).isNull();
        assertThatThrownBy(() -> Params.toInt("4.2", "query parameter 'limit'")).isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(((HttpException) e).status()).isEqualTo(400))
                .hasMessage("400 Bad Request: Invalid query parameter 'limit': expected an integer, got '4.2'");
        assertThatThrownBy(() -> Params.toBoolean("1", "header 'X-Flag'"))
                .hasMessageContaining("Invalid header 'X-Flag': expected true or false, got '1'");
    }

    @Test
    void mapsResults() {
        Response own = Response.text("hi");
        assertThat(Params.result(200, own)).isSameAs(own);
        assertThat(Params.result(200, Optional.empty()).status()).isEqualTo(404);
        Response present = Params.result(201, Optional.of("x"));
        assertThat(present.status()).isEqualTo(201);
        assertThat(present.bodyAsString()).isEqualTo("\"x\"");
        assertThat(Params.result(200, 3).bodyAsString()).isEqualTo("3");
    }
}
