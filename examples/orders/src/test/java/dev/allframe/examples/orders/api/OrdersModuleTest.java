package dev.allframe.examples.orders.api;

import dev.allframe.examples.orders.OrdersAppContainer;
import dev.allframe.inject.Environment;

import java.util.Map;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Orders API through {@code Router.handle}, on a real SQLite file. */
class OrdersModuleTest {
    @TempDir
    Path dir;

    private OrdersModule module;
    private Router router;

    private void start() {
        module = OrdersModule.open("sqlite:" + dir.resolve("orders.db"));
        router = module.register(Router.builder()).build();
    }

    @AfterEach
    void stop() {
        if (module != null) {
            module.close();
        }
    }

    private Response post(String path, String json) {
        Request.Builder b = Request.builder(HttpMethod.POST, path);
        if (json != null) {
            b.header("content-type", "application/json").body(json);
        }
        return router.handle(b.build());
    }

    private Response get(String path) {
        return router.handle(Request.get(path));
    }

    @Test
    void createsAddsSubmitsAndReadsAnOrder() {
        start();
        Response created = post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-1\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstOrNull("location")).isEqualTo("/orders/o-1");
        assertThat(created.bodyAsString()).contains("\"status\":\"OPEN\"", "\"customerId\":\"ann\"");

        Response added = post("/orders/o-1/items", "{\"sku\":\"apple\",\"quantity\":3,\"unitPriceCents\":120}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.bodyAsString()).contains("\"totalCents\":360", "\"sku\":\"apple\"");
        post("/orders/o-1/items", "{\"sku\":\"pear\",\"quantity\":1,\"unitPriceCents\":40}");

        Response submitted = post("/orders/o-1/submit", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.bodyAsString()).contains("\"status\":\"SUBMITTED\"", "\"totalCents\":400",
                "\"version\":4");

        Response read = get("/orders/o-1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyAsString()).isEqualTo(submitted.bodyAsString());
    }

    @Test
    void theSynchronousModeServesTheSameFlowWithoutALiveProjection() {
        module = OrdersModule.openSynchronous("sqlite:" + dir.resolve("orders.db"));
        router = module.register(Router.builder()).build();
        assertThat(post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-1\"}").status()).isEqualTo(201);
        Response added = post("/orders/o-1/items", "{\"sku\":\"apple\",\"quantity\":3,\"unitPriceCents\":120}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.bodyAsString()).contains("\"totalCents\":360");
        Response submitted = post("/orders/o-1/submit", null);
        assertThat(submitted.bodyAsString()).contains("\"status\":\"SUBMITTED\"", "\"version\":3");
        assertThat(get("/orders/o-1").bodyAsString()).isEqualTo(submitted.bodyAsString());
        assertThat(post("/orders/o-1/items", "{\"sku\":\"\",\"quantity\":0,\"unitPriceCents\":1}").status())
                .isEqualTo(422);
        assertThat(get("/orders/missing").status()).isEqualTo(404);
    }

    @Test
    void theSynchronousModeReadsOrdersAnotherInstanceWroteSinceItsLastRequest() {
        String store = "sqlite:" + dir.resolve("orders.db");
        module = OrdersModule.openSynchronous(store);
        router = module.register(Router.builder()).build();
        assertThat(get("/orders/o-2").status()).isEqualTo(404);
        try (OrdersModule other = OrdersModule.open(store)) {
            Router otherRouter = other.register(Router.builder()).build();
            Response created = otherRouter.handle(Request.builder(HttpMethod.POST, "/orders")
                    .header("content-type", "application/json")
                    .body("{\"customerId\":\"cy\",\"orderId\":\"o-2\"}").build());
            assertThat(created.status()).isEqualTo(201);
        }
        Response read = get("/orders/o-2");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.bodyAsString()).contains("\"customerId\":\"cy\"");
    }

    @Test
    void generatesAnIdWhenNoneIsGiven() {
        start();
        Response created = post("/orders", "{\"customerId\":\"bob\"}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.headers().firstOrNull("location");
        assertThat(location).matches("/orders/[0-9a-f-]{36}");
        assertThat(get(location).status()).isEqualTo(200);
    }

    @Test
    void addingToASubmittedOrderIsA409Problem() {
        start();
        post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-2\"}");
        post("/orders/o-2/items", "{\"sku\":\"apple\",\"quantity\":1,\"unitPriceCents\":1}");
        post("/orders/o-2/submit", null);
        Response r = post("/orders/o-2/items", "{\"sku\":\"late\",\"quantity\":1,\"unitPriceCents\":1}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.headers().firstOrNull("content-type")).isEqualTo("application/problem+json");
        assertThat(r.bodyAsString()).contains("Order o-2 is already submitted; cannot add items to it");
        assertThat(get("/orders/o-2").bodyAsString()).doesNotContain("late");
    }

    @Test
    void creatingAnExistingOrderIsA409AndSubmittingAnEmptyOneA422() {
        start();
        post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-3\"}");
        assertThat(post("/orders", "{\"customerId\":\"eve\",\"orderId\":\"o-3\"}").status()).isEqualTo(409);
        Response empty = post("/orders/o-3/submit", null);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.bodyAsString()).contains("has no items");
    }

    @Test
    void invalidFieldsAre422WithFieldErrors() {
        start();
        post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-4\"}");
        Response r = post("/orders/o-4/items", "{\"sku\":\"\",\"quantity\":0,\"unitPriceCents\":-5}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.bodyAsString()).contains("\"field\":\"sku\"", "\"field\":\"quantity\"",
                "\"field\":\"unitPriceCents\"");
        Response missing = post("/orders/o-4/items", "{\"sku\":\"a\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.bodyAsString()).contains("\"field\":\"quantity\",\"message\":\"must not be null\"",
                "\"field\":\"unitPriceCents\",\"message\":\"must not be null\"");
        Response noCustomer = post("/orders", "{}");
        assertThat(noCustomer.status()).isEqualTo(422);
        assertThat(noCustomer.bodyAsString()).contains("\"field\":\"customerId\"");
    }

    @Test
    void unknownOrdersAre404AndMalformedBodies400() {
        start();
        assertThat(get("/orders/missing").status()).isEqualTo(404);
        Response r = post("/orders/missing/items", "{\"sku\":\"a\",\"quantity\":1,\"unitPriceCents\":1}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.bodyAsString()).contains("No order missing");
        assertThat(post("/orders/missing/submit", null).status()).isEqualTo(404);
        assertThat(post("/orders", "{not json").status()).isEqualTo(400);
    }

    @Test
    void ordersSurviveARestartOnTheSameSqliteFile() {
        start();
        post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-5\"}");
        post("/orders/o-5/items", "{\"sku\":\"apple\",\"quantity\":2,\"unitPriceCents\":100}");
        String before = get("/orders/o-5").bodyAsString();
        module.close();

        start(); // a new process: new stores, bus and projection over the same file
        Response after = get("/orders/o-5");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.bodyAsString()).isEqualTo(before);
        Response more = post("/orders/o-5/items", "{\"sku\":\"pear\",\"quantity\":1,\"unitPriceCents\":50}");
        assertThat(more.bodyAsString()).contains("\"version\":3", "\"totalCents\":250");
    }

    @Test
    void isReadyWhenTheStoreAnswersAndSummariesRun() throws Exception {
        start();
        post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-6\"}");
        var result = module.readiness().check();
        assertThat(result.healthy()).isTrue();
        assertThat(result.detail()).isEqualTo("order summaries at global position 1");
        module.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> module.readiness().check())
                .hasMessageContaining("closed");
        module = null;
    }

    @Test
    void theDefaultStoreIsASqliteFile() {
        assertThat(OrdersModule.DEFAULT_STORE).startsWith("sqlite:");
        start();
        assertThat(module.storeUrl()).startsWith("sqlite:").endsWith("orders.db");
    }

    @Test
    void theContainersGeneratedRoutesServeTheControllerWithTheProblemMappings() {
        try (OrdersAppContainer app = OrdersAppContainer.create(
                Environment.of(Map.of("ALLFRAME_STORE", "sqlite:" + dir.resolve("orders.db"))))) {
            router = app.registerRoutes(OrdersModule.registerErrors(Router.builder())).build();
            Response created = post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-9\"}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.headers().firstOrNull("location")).isEqualTo("/orders/o-9");
            assertThat(get("/orders/o-9").bodyAsString()).contains("\"customerId\":\"ann\"");
            assertThat(get("/orders/nope").status()).isEqualTo(404);
            assertThat(post("/orders/o-9/items", "{\"sku\":\"apple\",\"quantity\":0,\"unitPriceCents\":1}")
                    .status()).isEqualTo(422);
        }
    }

    @Test
    void snapshotsAnOrderEveryFiftyEventsThroughTheGeneratedRegistration() {
        try (OrdersAppContainer app = OrdersAppContainer.create(
                Environment.of(Map.of("ALLFRAME_STORE", "sqlite:" + dir.resolve("orders.db"))))) {
            router = app.ordersModule().register(Router.builder()).build();
            assertThat(post("/orders", "{\"customerId\":\"ann\",\"orderId\":\"o-1\"}").status()).isEqualTo(201);
            for (int i = 2; i < 50; i++) {
                post("/orders/o-1/items", "{\"sku\":\"s" + i + "\",\"quantity\":1,\"unitPriceCents\":1}");
            }
            assertThat(app.stores().snapshots().load("order-o-1")).isEmpty();
            assertThat(post("/orders/o-1/items", "{\"sku\":\"s50\",\"quantity\":1,\"unitPriceCents\":1}")
                    .bodyAsString()).contains("\"version\":50");
            assertThat(app.stores().snapshots().load("order-o-1")).get()
                    .satisfies(s -> assertThat(s.version()).isEqualTo(50));
            // Loading from the snapshot (49 items) plus no later events still lets the order be submitted.
            assertThat(post("/orders/o-1/submit", null).bodyAsString()).contains("\"status\":\"SUBMITTED\"",
                    "\"version\":51");
        }
    }
}
