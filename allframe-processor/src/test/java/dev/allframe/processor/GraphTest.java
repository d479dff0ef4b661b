package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import io.avaje.jsonb.Jsonb;
import org.junit.jupiter.api.Test;

import javax.tools.JavaFileObject;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The processor exports the dependency graph and the entry points to {@code META-INF/allframe/graph.json}. */
class GraphTest {
    static final String APP = """
            package shop;

            @dev.allframe.inject.AllFrameApplication
            public class ShopApp {
            }
            """;

    static final String SOURCES = """
            package shop;

            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.handler.annotation.HandleQuery;
            import dev.allframe.handler.annotation.ProjectionHandler;
            import dev.allframe.handler.annotation.SagaHandler;
            import dev.allframe.http.annotation.Get;
            import dev.allframe.http.annotation.Post;
            import dev.allframe.inject.Env;
            import dev.allframe.inject.Factory;
            import dev.allframe.inject.Provides;
            import jakarta.inject.Named;
            import jakarta.inject.Provider;
            import jakarta.inject.Singleton;
            import java.util.List;

            record CreateOrder(String id) implements dev.allframe.cqrs.Command {
                public String streamId() { return id; }
            }
            record OrderCreated(String id) implements dev.allframe.cqrs.Event { }
            record FindOrder(String id) implements dev.allframe.cqrs.Query<String> { }

            interface EventLog { }

            @Singleton
            class TableLog implements EventLog {
                TableLog(@Env("EVENT_TABLE") String table, @Env(value = "AWS_REGION", defaultValue = "eu-west-1") String region) { }
            }

            @Singleton
            class Orders {
                Orders(EventLog log) { }

                @HandleCommand
                List<OrderCreated> create(CreateOrder command) {
                    return List.of(new OrderCreated(command.id()));
                }

                @HandleQuery
                String find(FindOrder query) {
                    return query.id();
                }
            }

            @ProjectionHandler("order-summary")
            class Summary implements dev.allframe.projection.Projection<OrderCreated> {
                Summary(@Named("cache") Object cache) { }
                public void apply(dev.allframe.eventstore.StoredEvent<OrderCreated> event) { }
            }

            @Factory
            class Infra {
                @Provides @Named("cache") Object cache(@Env(value = "CACHE_SIZE", defaultValue = "100") int size) {
                    return new Object();
                }

                @Provides @SagaHandler("reserve-stock")
                dev.allframe.saga.SagaDefinition<OrderCreated> stockSaga(Provider<Orders> orders,
                        @Env("QUEUE_URL") String queue) {
                    return dev.allframe.saga.SagaDefinition.<OrderCreated>builder("reserve-stock")
                            .startedBy(OrderCreated.class, OrderCreated::id)
                            .step(dev.allframe.saga.SagaStep.<OrderCreated>builder("reserve").action(c -> { }).build())
                            .build();
                }
            }

            class Api {
                Api(Orders orders) { }

                @Post("/orders")
                String create() { return ""; }

                @Get("/orders/{id}")
                String get(String id) { return id; }

                @Get("/health")
                String health() { return "ok"; }
            }
            """;

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Jsonb.builder().build().type(Object.class).fromJson(json);
    }

    static Compilation compile(JavaFileObject... files) {
        Compilation c = Fixtures.compile(List.of(files));
        assertThat(c).succeededWithoutWarnings();
        return c;
    }

    @Test
    void listsEveryComponentWithItsDependenciesAndEnvironment() {
        Map<String, Object> graph = parse(Fixtures.resource(compile(Fixtures.source(APP), Fixtures.source(SOURCES)),
                "META-INF/allframe/graph.json"));
        assertThat(graph).containsEntry("version", 1L).containsEntry("application", "shop.ShopApp")
                .containsEntry("container", "shop.ShopAppContainer");
        List<Map<String, Object>> components = list(graph.get("components"));
        assertThat(components).extracting(c -> c.get("id")).containsExactly("shop.Api", "shop.Infra",
                "shop.Infra#cache", "shop.Infra#stockSaga", "shop.Orders", "shop.Summary", "shop.TableLog");
        Map<String, Object> log = components.get(6);
        assertThat(log).containsEntry("provides", List.of("shop.EventLog", "shop.TableLog"));
        assertThat(list(log.get("env"))).extracting(e -> e.get("name"), e -> e.get("required"), e -> e.get("default"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EVENT_TABLE", true, null),
                        org.assertj.core.groups.Tuple.tuple("AWS_REGION", false, "eu-west-1"));
        Map<String, Object> saga = components.get(3);
        assertThat(saga).containsEntry("kind", "provides")
                .containsEntry("type", "dev.allframe.saga.SagaDefinition<shop.OrderCreated>");
        assertThat(list(saga.get("dependencies"))).extracting(d -> d.get("component"), d -> d.get("lazy"),
                d -> d.get("factory")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop.Infra", false, true),
                org.assertj.core.groups.Tuple.tuple("shop.Orders", true, false));
        Map<String, Object> summary = components.get(5);
        assertThat(list(summary.get("dependencies")).get(0)).containsEntry("qualifier", "cache")
                .containsEntry("component", "shop.Infra#cache");
        assertThat(list(graph.get("env"))).extracting(e -> e.get("name")).containsExactly("AWS_REGION",
                "CACHE_SIZE", "EVENT_TABLE", "QUEUE_URL");
    }

    @Test
    void listsTheEntryPointsWithWhatEachReaches() {
        Map<String, Object> graph = parse(Fixtures.resource(compile(Fixtures.source(APP), Fixtures.source(SOURCES)),
                "META-INF/allframe/graph.json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> entries = (Map<String, Object>) graph.get("entryPoints");
        List<Map<String, Object>> routes = list(entries.get("routes"));
        assertThat(routes).extracting(r -> r.get("method") + " " + r.get("path")).containsExactly("GET /health",
                "POST /orders", "GET /orders/{id}");
        assertThat(routes.get(1)).containsEntry("component", "shop.Api").containsEntry("handler", "create")
                .containsEntry("reaches", List.of("shop.Api", "shop.Orders", "shop.TableLog"))
                .containsEntry("env", List.of("AWS_REGION", "EVENT_TABLE"));
        assertThat(list(entries.get("commandHandlers"))).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("component", "shop.Orders").containsEntry("handler", "create")
                .containsEntry("message", "shop.CreateOrder")
                .containsEntry("reaches", List.of("shop.Orders", "shop.TableLog")));
        assertThat(list(entries.get("queryHandlers"))).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("message", "shop.FindOrder"));
        assertThat(list(entries.get("projections"))).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("name", "order-summary").containsEntry("component", "shop.Summary")
                .containsEntry("env", List.of("CACHE_SIZE")));
        assertThat(list(entries.get("sagas"))).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("name", "reserve-stock").containsEntry("component", "shop.Infra#stockSaga")
                .containsEntry("reaches", List.of("shop.Infra", "shop.Infra#stockSaga", "shop.Orders",
                        "shop.TableLog"))
                .containsEntry("env", List.of("AWS_REGION", "EVENT_TABLE", "QUEUE_URL")));
    }

    @Test
    void writesTheSameBytesWhateverTheSourceOrder() {
        // Same program, files given in the opposite order.
        String a = Fixtures.resource(compile(Fixtures.source(APP), Fixtures.source(SOURCES)),
                "META-INF/allframe/graph.json");
        String b = Fixtures.resource(compile(Fixtures.source(SOURCES), Fixtures.source(APP)),
                "META-INF/allframe/graph.json");
        assertThat(a).isEqualTo(b).endsWith("}\n");
    }

    @Test
    void rejectsTwoHandlersForOneCommandAndMalformedHandlers() {
        String src = """
                package shop;

                import dev.allframe.handler.annotation.HandleCommand;
                import dev.allframe.handler.annotation.ProjectionHandler;
                import java.util.List;

                record Cmd(String id) { }

                class A {
                    @HandleCommand
                    List<String> one(Cmd c) { return List.of(); }

                    @HandleCommand
                    List<String> two(Cmd c) { return List.of(); }

                    @HandleCommand
                    void three(Cmd c, String extra) { }
                }

                @ProjectionHandler("")
                class P { }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(Fixtures.source(APP), file));
        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining("[AllFrame/DuplicateHandler] The command shop.Cmd already has a handler: "
                + "shop.A.one. Keep one.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "List<String> two"));
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand method shop.A.three() must be "
                + "non-private, non-static, take exactly one parameter (the command) and return a value.")
                .inFile(file).onLine(CompileErrorsTest.lineOf(src, "void three"));
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @ProjectionHandler on shop.P must have a name.");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
