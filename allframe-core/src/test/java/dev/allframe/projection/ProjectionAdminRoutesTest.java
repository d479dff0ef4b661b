package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The admin routes over a registry with a parked event, through {@code Router.handle}. */
class ProjectionAdminRoutesTest {
    private static final String TOKEN = "s3cret-token-of-32-characters-xx";

    private final EventStore<CartEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), CartEvent.types());
    private final ProjectionFailureIsolationTest.Summaries summaries = new ProjectionFailureIsolationTest.Summaries();
    private final ProjectionRegistry<CartEvent> registry = ProjectionRegistry.builder(store,
            CheckpointStore.inMemory()).register("summary", summaries).build();
    private final Router router = ProjectionAdminRoutes.register(Router.builder(), registry.control(), TOKEN).build();

    private Response call(HttpMethod method, String path, String token) {
        Request.Builder b = Request.builder(method, path);
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        return router.handle(b.build());
    }

    private void parkTheSecondOfThree() {
        for (int i = 0; i < 3; i++) {
            store.append("cart-" + i, List.of(new CartEvent.CartOpened("" + i, "o")), ExpectedVersion.any());
        }
        summaries.poison.add(2L);
        registry.catchUp();
    }

    @Test
    void listsStatusesAndParkedEventsRetriesAndSkips() {
        parkTheSecondOfThree();
        Response statuses = call(HttpMethod.GET, "/_allframe/projections", TOKEN);
        assertThat(statuses.status()).isEqualTo(200);
        assertThat(statuses.bodyAsString()).contains("\"name\":\"summary\"", "\"state\":\"STOPPED\"",
                "\"position\":3", "\"degraded\":true", "\"parked\":1", "\"firstParked\":2");

        Response parked = call(HttpMethod.GET, "/_allframe/projections/summary/parked", TOKEN);
        assertThat(parked.bodyAsString()).contains("\"globalPosition\":2", "\"streamId\":\"cart-1\"",
                "\"type\":\"CartOpened\"", "\"payload\":\"{\\\"cartId\\\":\\\"1\\\",\\\"owner\\\":\\\"o\\\"}\"",
                "\"errorClass\":\"java.lang.NullPointerException\"", "\"attempts\":1");

        Response stillFailing = call(HttpMethod.POST, "/_allframe/projections/summary/retry", TOKEN);
        assertThat(stillFailing.bodyAsString()).isEqualTo("{\"projection\":\"summary\",\"applied\":0,"
                + "\"stillParked\":1}");
        summaries.poison.clear();
        Response fixed = call(HttpMethod.POST, "/_allframe/projections/summary/retry", TOKEN);
        assertThat(fixed.bodyAsString()).isEqualTo("{\"projection\":\"summary\",\"applied\":1,\"stillParked\":0}");
        assertThat(summaries.seen).containsExactly(1L, 3L, 2L);
        assertThat(call(HttpMethod.DELETE, "/_allframe/projections/summary/parked/2", TOKEN).status())
                .isEqualTo(404);
    }

    @Test
    void skipsAParkedEventByPosition() {
        parkTheSecondOfThree();
        assertThat(call(HttpMethod.DELETE, "/_allframe/projections/summary/parked/2", TOKEN).status())
                .isEqualTo(204);
        assertThat(registry.status("summary").degraded()).isFalse();
        assertThat(call(HttpMethod.DELETE, "/_allframe/projections/summary/parked/x", TOKEN).status())
                .isEqualTo(400);
    }

    @Test
    void refusesCallersWithoutTheTokenAndNamesUnknownProjections() {
        parkTheSecondOfThree();
        assertThat(call(HttpMethod.GET, "/_allframe/projections", null).status()).isEqualTo(401);
        assertThat(call(HttpMethod.POST, "/_allframe/projections/summary/retry", "wrong").status()).isEqualTo(401);
        assertThat(call(HttpMethod.DELETE, "/_allframe/projections/summary/parked/2", TOKEN + "x").status())
                .isEqualTo(401);
        assertThat(registry.status("summary").parked()).isEqualTo(1);
        Response unknown = call(HttpMethod.GET, "/_allframe/projections/nope/parked", TOKEN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.bodyAsString()).contains("No projection named 'nope'");
    }

    @Test
    void needsATokenOfSomeLength() {
        assertThatThrownBy(() -> ProjectionAdminRoutes.register(Router.builder(), registry.control(), "short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected >= 16");
    }
}
