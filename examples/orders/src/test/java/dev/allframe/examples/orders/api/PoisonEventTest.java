package dev.allframe.examples.orders.api;

import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.health.HealthCheck;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.jdbc.JdbcStores;
import dev.allframe.projection.ParkedEvent;
import dev.allframe.projection.ProjectionControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's reproduction: an event the order summaries cannot apply (an {@code OrderCreated} without an order id,
 * as an SQS command without one once stored) sits in the store. The service still starts on that database, takes
 * and serves orders, and reports the parked event in readiness and in its control API instead of going down.
 */
class PoisonEventTest {
    @TempDir
    Path dir;

    private OrdersModule module;

    @AfterEach
    void stop() {
        if (module != null) {
            module.close();
        }
    }

    /** Writes straight to the store, as any writer could: one good order, then the poison event. */
    private String storeWithAPoisonEvent() {
        String url = "sqlite:" + dir.resolve("orders.db");
        try (JdbcStores stores = JdbcStores.open(url)) {
            stores.events().append("order-o-1", List.of(json("OrderCreated",
                    "{\"orderId\":\"o-1\",\"customerId\":\"ann\"}")), ExpectedVersion.noStream());
            stores.events().append("order-null", List.of(json("OrderCreated", "{\"customerId\":\"bob\"}")),
                    ExpectedVersion.noStream());
        }
        return url;
    }

    private static EventData json(String type, String json) {
        return new EventData(type, json.getBytes(StandardCharsets.UTF_8), Metadata.empty());
    }

    private static Response post(Router router, String path, String json) {
        return router.handle(Request.builder(HttpMethod.POST, path).header("content-type", "application/json")
                .body(json).build());
    }

    @Test
    void theServiceStartsTakesOrdersAndReportsTheParkedEvent() throws Exception {
        module = OrdersModule.open(storeWithAPoisonEvent());
        Router router = module.register(Router.builder()).build();

        Response created = post(router, "/orders", "{\"customerId\":\"cat\",\"orderId\":\"o-2\"}");
        assertThat(created.status()).isEqualTo(201);
        Response read = router.handle(Request.get("/orders/o-2"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyAsString()).contains("\"customerId\":\"cat\"");
        assertThat(router.handle(Request.get("/orders/o-1")).status()).as("events before the poison").isEqualTo(200);

        HealthCheck.Result ready = module.readiness().check();
        assertThat(ready.healthy()).isTrue();
        assertThat(ready.degraded()).isTrue();
        assertThat(ready.detail()).isEqualTo("order summaries at global position 3; 1 parked event(s), the first at"
                + " global position 2");

        ProjectionControl control = module.projectionControl();
        assertThat(control.parked("order-summary")).singleElement().satisfies(p -> {
            assertThat(p.globalPosition()).isEqualTo(2);
            assertThat(p.streamId()).isEqualTo("order-null");
            assertThat(p.type()).isEqualTo("OrderCreated");
            assertThat(p.error()).isEqualTo(IllegalArgumentException.class.getName()
                    + ": OrderCreated of stream 'order-null' version 1 has no orderId");
        });
    }

    @Test
    void aRestartOnTheSameDatabaseStartsAgainAndStillReportsIt() throws Exception {
        String url = storeWithAPoisonEvent();
        OrdersModule.open(url).close();
        module = OrdersModule.open(url);
        assertThat(module.readiness().check().detail()).endsWith("1 parked event(s), the first at global position 2");
        List<ParkedEvent> parked = module.projectionControl().parked("order-summary");
        assertThat(parked).singleElement().extracting(ParkedEvent::attempts).as("once per start").isEqualTo(2);

        assertThat(module.projectionControl().skip("order-summary", 2)).isTrue();
        assertThat(module.readiness().check().degraded()).isFalse();
    }

    @Test
    void theSynchronousModeAlsoStartsAndServes() {
        module = OrdersModule.openSynchronous(storeWithAPoisonEvent());
        Router router = module.register(Router.builder()).build();
        assertThat(post(router, "/orders", "{\"customerId\":\"cat\",\"orderId\":\"o-3\"}").status()).isEqualTo(201);
        assertThat(router.handle(Request.get("/orders/o-3")).status()).isEqualTo(200);
        assertThat(module.projectionControl().parked("order-summary")).hasSize(1);
    }
}
