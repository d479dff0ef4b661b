package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.infra.model.Access;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.model.Use;
import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.util.List;
import java.util.Set;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processor turns the infrastructure annotations and the dependency graph into
 * {@code META-INF/allframe/infra.json}, and reports invalid values as compile errors on the annotation.
 */
class InfraJsonTest {
    static final String APP = """
            package shop;

            @dev.allframe.inject.AllFrameApplication
            public class ShopApp {
            }
            """;

    static final String SOURCES = """
            package shop;

            import dev.allframe.http.annotation.Get;
            import dev.allframe.http.annotation.Post;
            import dev.allframe.infra.annotations.EventStore;
            import dev.allframe.infra.annotations.LambdaFunction;
            import dev.allframe.infra.annotations.Queue;
            import dev.allframe.infra.annotations.Subscribes;
            import dev.allframe.infra.annotations.Uses;
            import dev.allframe.infra.annotations.Uses.Access;
            import dev.allframe.inject.Env;
            import jakarta.inject.Singleton;

            @EventStore(name = "events", table = "shop-events")
            @Queue(name = "order-commands", visibilityTimeout = 120, dlqMaxReceives = 3)
            @Queue(name = "notifications", dlq = false)
            final class Infra {
            }

            interface EventLog { }

            @Singleton
            @Uses(resource = "events", access = {Access.APPEND, Access.READ})
            class TableLog implements EventLog {
                TableLog(@Env("EVENT_TABLE") String table) { }
            }

            @Singleton
            class Orders {
                Orders(EventLog log) { }
            }

            @Singleton
            class Notifier {
                Notifier(@Uses(resource = "notifications", access = Access.PUBLISH) @Env("NOTIFY_URL") String url) { }
            }

            @LambdaFunction(name = "shop-http", memory = 512, timeout = 20, http = LambdaFunction.Http.HTTP_API,
                    environment = "MODE=live")
            class OrderApi {
                OrderApi(Orders orders) { }

                @Post("/orders")
                String create() { return "created"; }

                @Get("/orders/{id}")
                String get(String id) { return id; }
            }

            @Singleton
            @LambdaFunction(name = "shop-worker", timeout = 60, architecture = LambdaFunction.Architecture.X86_64,
                    snapStart = false)
            @Subscribes(queue = "order-commands", batchSize = 5)
            @Subscribes(stream = "events", batchSize = 100, maxRetries = 2)
            class Worker {
                Worker(Orders orders, Notifier notifier) { }
            }
            """;

    static final String EXPECTED = """
            {
              "format": "allframe-infra",
              "version": 1,
              "application": "shop",
              "eventStores": [
                {
                  "name": "events",
                  "provider": "auto",
                  "table": "shop-events",
                  "billingMode": "PAY_PER_REQUEST",
                  "stream": true,
                  "readCapacity": 5,
                  "writeCapacity": 5
                }
              ],
              "queues": [
                {
                  "name": "notifications",
                  "provider": "auto",
                  "visibilityTimeout": 60,
                  "dlq": false,
                  "dlqMaxReceives": 5,
                  "fifo": false
                },
                {
                  "name": "order-commands",
                  "provider": "auto",
                  "visibilityTimeout": 120,
                  "dlq": true,
                  "dlqMaxReceives": 3,
                  "fifo": false
                }
              ],
              "eventBuses": [],
              "buckets": [],
              "functions": [
                {
                  "name": "shop-http",
                  "runtime": "java21",
                  "handler": "shop.ShopHttpLambda::handleRequest",
                  "memory": 512,
                  "timeout": 20,
                  "architecture": "arm64",
                  "snapStart": true,
                  "environment": {
                    "MODE": "live"
                  },
                  "http": {
                    "type": "http-api",
                    "routes": [
                      {
                        "method": "POST",
                        "path": "/orders"
                      },
                      {
                        "method": "GET",
                        "path": "/orders/{id}"
                      }
                    ]
                  },
                  "logRetentionDays": 14,
                  "subscribes": [],
                  "uses": [
                    {
                      "resource": "events",
                      "access": [
                        "append",
                        "read"
                      ]
                    }
                  ]
                }
              ],
              "cloudRunServices": []
            }
            """;

    @Test
    void writes_the_model_with_uses_derived_through_the_dependency_graph() {
        Compilation c = Fixtures.compile(APP, SOURCES);
        assertThat(c).succeededWithoutWarnings();
        String json = Fixtures.resource(c, "META-INF/allframe/infra.json");
        InfraModel model = InfraModel.fromJson(json);
        assertThat(model.application()).isEqualTo("shop");
        assertThat(model.toJson()).isEqualTo(json);

        LambdaFunction http = model.functions().stream().filter(f -> f.name().equals("shop-http")).findFirst()
                .orElseThrow();
        // OrderApi -> Orders -> EventLog (TableLog, @Uses on the type): reached indirectly, so included; Notifier's
        // @Uses is not reached from OrderApi, so the HTTP function may not publish.
        assertThat(http.uses()).containsExactly(new Use("events", Set.of(Access.APPEND, Access.READ)));
        assertThat(http.http().orElseThrow().type()).isEqualTo("http-api");
        assertThat(http.http().orElseThrow().routes()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /orders", "GET /orders/{id}");

        LambdaFunction worker = model.functions().stream().filter(f -> f.name().equals("shop-worker")).findFirst()
                .orElseThrow();
        assertThat(worker.uses()).containsExactly(new Use("events", Set.of(Access.APPEND, Access.READ)),
                new Use("notifications", Set.of(Access.PUBLISH)));
        assertThat(worker.architecture()).isEqualTo("x86_64");
        assertThat(worker.snapStart()).isFalse();
        assertThat(worker.http()).isEmpty();
        assertThat(worker.subscriptions()).hasSize(2);
    }

    @Test
    void writes_the_exact_expected_text_for_the_http_function() {
        String only = SOURCES.substring(0, SOURCES.indexOf("@Singleton\n@LambdaFunction(name = \"shop-worker\""));
        Compilation c = Fixtures.compile(APP, only);
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.resource(c, "META-INF/allframe/infra.json")).isEqualTo(EXPECTED);
    }

    @Test
    void a_root_that_is_not_a_component_serves_every_entry_point() {
        // The application class is no component, so "shop-all" serves every route and handler: here only OrderApi,
        // which reaches the event log. Worker is a plain singleton (no entry point), so Notifier is not reached.
        String app = """
                package shop;

                @dev.allframe.inject.AllFrameApplication
                @dev.allframe.infra.annotations.LambdaFunction(name = "shop-all",
                        http = dev.allframe.infra.annotations.LambdaFunction.Http.FUNCTION_URL)
                public class ShopApp {
                }
                """;
        Compilation c = Fixtures.compile(app, SOURCES);
        assertThat(c).succeededWithoutWarnings();
        InfraModel model = InfraModel.fromJson(Fixtures.resource(c, "META-INF/allframe/infra.json"));
        LambdaFunction all = model.functions().stream().filter(f -> f.name().equals("shop-all")).findFirst()
                .orElseThrow();
        assertThat(all.uses()).containsExactly(new Use("events", Set.of(Access.APPEND, Access.READ)));
        assertThat(all.http().orElseThrow().routes()).hasSize(2);
    }

    @Test
    void uses_on_a_provides_method_and_a_field_count_and_a_lambda_handler_root_is_the_handler() {
        Compilation c = Fixtures.compile(APP, """
                package shop;

                import dev.allframe.infra.annotations.Bucket;
                import dev.allframe.infra.annotations.EventBus;
                import dev.allframe.infra.annotations.LambdaFunction;
                import dev.allframe.infra.annotations.Uses;
                import dev.allframe.infra.annotations.Uses.Access;
                import dev.allframe.inject.Factory;
                import dev.allframe.inject.Provides;

                @Bucket(name = "snapshots")
                @EventBus(name = "orders")
                final class Infra { }

                final class BusClient { }

                @Factory
                final class Clients {
                    @Provides @Uses(resource = "orders", access = Access.PUBLISH)
                    BusClient bus() { return new BusClient(); }
                }

                @jakarta.inject.Singleton
                class Snapshots {
                    @Uses(resource = "snapshots", access = {Access.READ, Access.WRITE})
                    private final String bucket = "snapshots";
                }

                @jakarta.inject.Singleton
                @LambdaFunction(name = "handler-root")
                class Handler {
                    Handler(BusClient bus, Snapshots snapshots) { }
                    public String handleRequest(String in) { return in; }
                }

                @jakarta.inject.Singleton
                @LambdaFunction(name = "named", handler = "shop.Elsewhere::handle", timeout = 5)
                class Named {
                    Named(Snapshots snapshots) { }
                }
                """);
        assertThat(c).succeededWithoutWarnings();
        InfraModel model = InfraModel.fromJson(Fixtures.resource(c, "META-INF/allframe/infra.json"));
        LambdaFunction root = model.functions().get(0);
        assertThat(root.name()).isEqualTo("handler-root");
        assertThat(root.handler()).isEqualTo("shop.Handler::handleRequest");
        assertThat(root.uses()).containsExactly(new Use("orders", Set.of(Access.PUBLISH)),
                new Use("snapshots", Set.of(Access.READ, Access.WRITE)));
        LambdaFunction named = model.functions().get(1);
        assertThat(named.handler()).isEqualTo("shop.Elsewhere::handle");
        assertThat(named.uses()).containsExactly(new Use("snapshots", Set.of(Access.READ, Access.WRITE)));
    }

    @Test
    void a_cloud_run_service_with_a_bus_subscription() {
        Compilation c = Fixtures.compile(APP, """
                package shop;

                import dev.allframe.infra.annotations.CloudRunService;
                import dev.allframe.infra.annotations.EventBus;
                import dev.allframe.infra.annotations.Subscribes;
                import dev.allframe.infra.annotations.Uses;

                @jakarta.inject.Singleton
                @EventBus(name = "stock")
                @Uses(resource = "stock", access = Uses.Access.PUBLISH)
                @CloudRunService(name = "shop", maxInstances = 3, environment = "MODE=live")
                @Subscribes(bus = "stock", detailTypes = {"StockReserved", "StockReleased"})
                class Shop { }
                """);
        assertThat(c).succeededWithoutWarnings();
        InfraModel model = InfraModel.fromJson(Fixtures.resource(c, "META-INF/allframe/infra.json"));
        var service = model.services().get(0);
        assertThat(service.name()).isEqualTo("shop");
        assertThat(service.maxInstances()).isEqualTo(3);
        assertThat(service.environment()).containsEntry("MODE", "live");
        assertThat(service.subscriptions()).containsExactly(
                new dev.allframe.infra.model.Subscription.OfBus("stock", List.of("StockReserved", "StockReleased")));
        assertThat(service.uses()).containsExactly(new Use("stock", Set.of(Access.PUBLISH)));
    }

    @Test
    void a_queue_whose_visibility_timeout_is_shorter_than_its_consumer_is_reported_on_the_subscription() {
        assertError("""
                package shop;

                import dev.allframe.infra.annotations.Queue;
                import dev.allframe.infra.annotations.Subscribes;

                @jakarta.inject.Singleton
                @Queue(name = "jobs", visibilityTimeout = 30)
                @dev.allframe.infra.annotations.LambdaFunction(name = "worker", timeout = 120)
                @Subscribes(queue = "jobs")
                class Worker { }
                """, "function \"worker\".subscribes: queue \"jobs\" has a visibility timeout of 30 s, shorter than"
                + " this function's timeout of 120 s", 9);
    }

    @Test
    void an_application_without_infrastructure_annotations_gets_no_infra_json() {
        Compilation c = Fixtures.compile(APP, """
                package shop;

                @jakarta.inject.Singleton
                class Lonely { }
                """);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/allframe/infra.json")).isEmpty();
        assertThat(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/allframe/graph.json")).isPresent();
    }

    /** Compiles the app with one more source and returns the compilation and that file. */
    private static Object[] compileWith(String source) {
        JavaFileObject app = Fixtures.source(APP);
        JavaFileObject file = Fixtures.source(source);
        return new Object[] {Fixtures.compile(List.of(app, file)), file};
    }

    private static void assertError(String source, String message, int line) {
        Object[] r = compileWith(source);
        Compilation c = (Compilation) r[0];
        assertThat(c).failed();
        assertThat(c).hadErrorContaining(message).inFile((JavaFileObject) r[1]).onLine(line);
    }

    @Test
    void memory_outside_128_to_10240_is_a_compile_error_on_the_attribute() {
        String src = """
                package shop;

                @jakarta.inject.Singleton
                @dev.allframe.infra.annotations.LambdaFunction(name = "small",
                        memory = 64)
                class Small { }
                """;
        assertError(src, "[AllFrame/InfraInvalid] function \"small\".memory: memory 64 MiB is outside 128..10240"
                + " (@LambdaFunction on shop.Small)", 5);
        assertError(src.replace("64", "10241"), "memory 10241 MiB is outside 128..10240", 5);
    }

    @Test
    void a_timeout_over_900_is_a_compile_error() {
        assertError("""
                package shop;

                @jakarta.inject.Singleton
                @dev.allframe.infra.annotations.LambdaFunction(name = "slow", timeout = 901)
                class Slow { }
                """, "function \"slow\".timeout: timeout 901 s is outside 1..900 (@LambdaFunction on shop.Slow)", 4);
    }

    @Test
    void max_receives_below_one_is_a_compile_error() {
        assertError("""
                package shop;

                @dev.allframe.infra.annotations.Queue(name = "jobs",
                        dlqMaxReceives = 0)
                final class Infra { }
                """, "queue \"jobs\".dlqMaxReceives: dlqMaxReceives 0 is outside 1..1000 (@Queue on shop.Infra)", 4);
    }

    @Test
    void a_duplicate_name_is_a_compile_error_on_the_second_declaration_naming_the_first() {
        assertError("""
                package shop;

                import dev.allframe.infra.annotations.Queue;

                @Queue(name = "jobs")
                final class Infra { }

                @Queue(name = "jobs")
                final class More { }
                """, "queue \"jobs\": duplicate name; @Queue on shop.Infra already declares it (@Queue on shop.More)",
                8);
    }

    @Test
    void a_duplicate_among_repeated_annotations_is_reported_on_its_own_line() {
        assertError("""
                package shop;

                import dev.allframe.infra.annotations.Queue;

                @Queue(name = "jobs")
                @Queue(name = "mail")
                @Queue(name = "jobs", fifo = true)
                final class Infra { }
                """, "queue \"jobs\": duplicate name; @Queue on shop.Infra already declares it", 7);
    }

    @Test
    void a_duplicate_function_name_is_a_compile_error() {
        assertError("""
                package shop;

                import dev.allframe.infra.annotations.LambdaFunction;

                @jakarta.inject.Singleton @LambdaFunction(name = "fn")
                class One { }

                @jakarta.inject.Singleton @LambdaFunction(name = "fn")
                class Two { }
                """, "function \"fn\": duplicate name; @LambdaFunction on shop.One already declares it", 8);
    }

    @Test
    void an_unknown_provider_is_a_compile_error() {
        assertError("""
                package shop;

                @dev.allframe.infra.annotations.EventStore(
                        provider = "cassandra")
                final class Infra { }
                """, "event store \"events\".provider: unknown event store provider \"cassandra\"; expected one of"
                + " [auto, dynamodb, postgresql]", 4);
    }

    @Test
    void a_use_of_an_undeclared_resource_is_reported_on_the_uses_annotation() {
        assertError("""
                package shop;

                import dev.allframe.infra.annotations.Uses;

                @jakarta.inject.Singleton
                class Store {
                    Store(@Uses(resource = "evnets", access = Uses.Access.APPEND) @dev.allframe.inject.Env("T") String t) { }
                }

                @jakarta.inject.Singleton
                @dev.allframe.infra.annotations.LambdaFunction(name = "fn")
                class Fn {
                    Fn(Store store) { }
                }
                """, "uses \"evnets\", which is not a declared event store, queue, event bus or bucket", 7);
    }

    @Test
    void a_subscription_to_an_undeclared_queue_and_one_naming_two_sources_are_compile_errors() {
        Object[] r = compileWith("""
                package shop;

                import dev.allframe.infra.annotations.Subscribes;

                @jakarta.inject.Singleton
                @dev.allframe.infra.annotations.LambdaFunction(name = "fn")
                @Subscribes(queue = "nope")
                @Subscribes(queue = "a", bus = "b")
                class Fn { }
                """);
        Compilation c = (Compilation) r[0];
        assertThat(c).hadErrorContaining("refers to queue \"nope\", which is not declared")
                .inFile((JavaFileObject) r[1]).onLine(7);
        assertThat(c).hadErrorContaining("must name exactly one of queue, bus or stream")
                .inFile((JavaFileObject) r[1]).onLine(8);
    }

    @Test
    void a_malformed_environment_pair_is_a_compile_error() {
        assertError("""
                package shop;

                @jakarta.inject.Singleton
                @dev.allframe.infra.annotations.LambdaFunction(name = "fn",
                        environment = {"OK=1", "NOEQUALS"})
                class Fn { }
                """, "environment entry \"NOEQUALS\" must be KEY=value", 5);
    }

    @Test
    void application_names_come_from_the_application_class() {
        Compilation c = Fixtures.compile("""
                package shop;

                @dev.allframe.inject.AllFrameApplication
                @dev.allframe.infra.annotations.EventStore
                public class MyShopApplication { }
                """);
        assertThat(c).succeededWithoutWarnings();
        assertThat(InfraModel.fromJson(Fixtures.resource(c, "META-INF/allframe/infra.json")).application())
                .isEqualTo("my-shop");
    }
}
