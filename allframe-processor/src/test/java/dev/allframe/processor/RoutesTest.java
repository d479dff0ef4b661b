package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.lang.reflect.Constructor;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Annotated controller methods become routes: parameters bound and converted, results mapped to responses. */
class RoutesTest {
    static final String APP = """
            package shop;

            @dev.allframe.inject.AllFrameApplication
            public class ShopApp {
            }
            """;

    static final String CONTROLLER = """
            package shop;

            import dev.allframe.http.Request;
            import dev.allframe.http.Response;
            import dev.allframe.http.annotation.Delete;
            import dev.allframe.http.annotation.Get;
            import dev.allframe.http.annotation.Header;
            import dev.allframe.http.annotation.Patch;
            import dev.allframe.http.annotation.PathParam;
            import dev.allframe.http.annotation.Post;
            import dev.allframe.http.annotation.Put;
            import dev.allframe.http.annotation.QueryParam;
            import dev.allframe.http.annotation.ResponseStatus;
            import dev.allframe.inject.Env;
            import dev.allframe.processor.fixtures.CreateOrder;
            import dev.allframe.processor.fixtures.OrderView;
            import jakarta.inject.Singleton;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.TreeMap;
            import java.util.UUID;

            @Singleton
            class Store {
                final Map<String, OrderView> orders = new TreeMap<>();
                final String table;

                Store(@Env(value = "EVENT_TABLE", defaultValue = "local") String table) {
                    this.table = table;
                }
            }

            enum Sort { NEWEST, OLDEST }

            public class OrderApi {
                private final Store store;

                public OrderApi(Store store) {
                    this.store = store;
                }

                @Post("/orders")
                @ResponseStatus(201)
                OrderView create(CreateOrder body, @Header("X-Request-Id") Optional<String> requestId) {
                    String id = requestId.orElse("o-" + (store.orders.size() + 1));
                    OrderView view = new OrderView(id, body.customer(), body.items().size());
                    store.orders.put(id, view);
                    return view;
                }

                @Get("/orders/{id}")
                Optional<OrderView> get(String id) {
                    return Optional.ofNullable(store.orders.get(id));
                }

                @Get("/orders")
                Map<String, Object> list(@QueryParam(defaultValue = "10") int limit, @QueryParam Optional<Sort> sort,
                                         @QueryParam("min-items") Optional<Integer> minItems) {
                    return Map.of("limit", limit, "sort", sort.map(Enum::name).orElse("none"),
                            "min", minItems.orElse(-1), "table", store.table);
                }

                @Delete("/orders/{id}")
                void delete(@PathParam("id") String orderId) {
                    store.orders.remove(orderId);
                }

                @Put("/orders/{id}/lines/{line}")
                Response put(String id, long line, Request request) {
                    return Response.text(202, id + "#" + line + " " + request.bodyAsString());
                }

                @Patch("/flags/{key}")
                String flag(UUID key, @QueryParam boolean on, @Header(value = "X-Count", defaultValue = "1") long count) {
                    return key + " " + on + " " + count;
                }

                @Get("/items/{rest...}")
                List<String> items(String rest) {
                    return List.of(rest);
                }
            }
            """;

    static Compilation compilation;
    static URLClassLoader loader;
    static Container container;
    static Router router;

    @BeforeAll
    static void compile(@TempDir Path dir) throws Exception {
        compilation = Fixtures.compile(APP, CONTROLLER);
        assertThat(compilation).succeededWithoutWarnings();
        loader = Fixtures.load(compilation, dir);
        container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                Environment.of(Map.of("EVENT_TABLE", "orders-events")));
        router = container.router();
    }

    @AfterAll
    static void close() throws Exception {
        container.close();
        loader.close();
    }

    static Response send(HttpMethod method, String target, String body, String... headers) {
        Request.Builder b = Request.builder(method, target);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            b.header("content-type", "application/json").body(body);
        }
        return router.handle(b.build());
    }

    @Test
    void bindsARecordBodyAndAnswersWithTheAnnotatedStatusAndJson() {
        Response created = send(HttpMethod.POST, "/orders", "{\"customer\":\"ada\",\"items\":[\"tea\",\"cake\"]}",
                "X-Request-Id", "o-42");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().firstOrNull("content-type")).isEqualTo("application/json");
        assertThat(created.bodyAsString()).isEqualTo("{\"id\":\"o-42\",\"customer\":\"ada\",\"items\":2}");

        Response found = send(HttpMethod.GET, "/orders/o-42", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.bodyAsString()).contains("\"customer\":\"ada\"");
    }

    @Test
    void answersAnEmptyOptionalWith404AndVoidWith204() {
        assertThat(send(HttpMethod.GET, "/orders/nope", null).status()).isEqualTo(404);
        send(HttpMethod.POST, "/orders", "{\"customer\":\"bob\",\"items\":[]}", "X-Request-Id", "gone");
        Response deleted = send(HttpMethod.DELETE, "/orders/gone", null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(send(HttpMethod.GET, "/orders/gone", null).status()).isEqualTo(404);
    }

    @Test
    void rejectsAMissingOrMalformedBodyWithAClientError() {
        Response malformed = send(HttpMethod.POST, "/orders", "{\"customer\":", "X-Request-Id", "x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.bodyAsString()).contains("Malformed JSON body");
        Response empty = router.handle(Request.builder(HttpMethod.POST, "/orders").build());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.bodyAsString()).contains("A JSON request body is required");
        Response text = router.handle(Request.builder(HttpMethod.POST, "/orders").header("content-type",
                "text/plain").body("hi").build());
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void convertsQueryParametersWithDefaultsAndOptionals() {
        assertThat(send(HttpMethod.GET, "/orders", null).bodyAsString())
                .contains("\"limit\":10").contains("\"sort\":\"none\"").contains("\"min\":-1")
                .contains("\"table\":\"orders-events\"");
        assertThat(send(HttpMethod.GET, "/orders?limit=3&sort=OLDEST&min-items=2", null).bodyAsString())
                .contains("\"limit\":3").contains("\"sort\":\"OLDEST\"").contains("\"min\":2");
    }

    @Test
    void answers400NamingTheParameterForAMalformedValue() {
        Response limit = send(HttpMethod.GET, "/orders?limit=lots", null);
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.headers().firstOrNull("content-type")).isEqualTo("application/problem+json");
        assertThat(limit.bodyAsString()).contains("Invalid query parameter 'limit': expected an integer, got 'lots'");
        assertThat(send(HttpMethod.GET, "/orders?sort=RANDOM", null).bodyAsString())
                .contains("Invalid query parameter 'sort': expected one of NEWEST, OLDEST, got 'RANDOM'");
        assertThat(send(HttpMethod.PUT, "/orders/a/lines/first", null).bodyAsString())
                .contains("Invalid path parameter 'line': expected an integer, got 'first'");
        assertThat(send(HttpMethod.PATCH, "/flags/not-a-uuid?on=true", null).bodyAsString())
                .contains("Invalid path parameter 'key': expected a UUID, got 'not-a-uuid'");
        assertThat(send(HttpMethod.PATCH, "/flags/0f8fad5b-d9cb-469f-a165-70867728950e?on=true", null,
                "X-Count", "many").bodyAsString()).contains("Invalid header 'X-Count': expected an integer, got 'many'");
    }

    @Test
    void answers400ForAMissingRequiredParameter() {
        Response r = send(HttpMethod.PATCH, "/flags/0f8fad5b-d9cb-469f-a165-70867728950e", null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.bodyAsString()).contains("Missing required query parameter 'on'");
    }

    @Test
    void passesAResponseThroughAndGivesTheRequestToTheMethod() {
        Response r = send(HttpMethod.PUT, "/orders/a/lines/7", "\"x\"");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.bodyAsString()).isEqualTo("a#7 \"x\"");
        Response flag = send(HttpMethod.PATCH, "/flags/0f8fad5b-d9cb-469f-a165-70867728950e?on=TRUE", null,
                "x-count", "3");
        assertThat(flag.status()).isEqualTo(200);
        assertThat(flag.bodyAsString()).isEqualTo("\"0f8fad5b-d9cb-469f-a165-70867728950e true 3\"");
        assertThat(send(HttpMethod.GET, "/items/a/b%20c", null).bodyAsString()).isEqualTo("[\"a/b c\"]");
    }

    @Test
    void theGeneratedRoutesWorkWithoutTheContainerNextToProgrammaticRoutes() throws Exception {
        Class<?> store = loader.loadClass("shop.Store");
        Constructor<?> storeCtor = store.getDeclaredConstructor(String.class);
        storeCtor.setAccessible(true);
        Object api = loader.loadClass("shop.OrderApi").getConstructor(store).newInstance(storeCtor.newInstance("t"));
        Object routes = loader.loadClass("shop.OrderApi$Routes").getConstructor(api.getClass()).newInstance(api);
        Router.Builder builder = Router.builder().get("/health", req -> Response.text("ok"));
        Fixtures.call(routes, "register", builder);
        Router mixed = builder.build();
        assertThat(mixed.handle(Request.get("/health")).bodyAsString()).isEqualTo("ok");
        assertThat(mixed.handle(Request.get("/orders")).bodyAsString()).contains("\"table\":\"t\"");
        assertThat(mixed.routes()).hasSize(8);
    }

    @Test
    void eachGeneratedRouteHandlerIsANamedNestedClassNotASpunLambda() throws Exception {
        Class<?> store = loader.loadClass("shop.Store");
        Constructor<?> storeCtor = store.getDeclaredConstructor(String.class);
        storeCtor.setAccessible(true);
        Object api = loader.loadClass("shop.OrderApi").getConstructor(store).newInstance(storeCtor.newInstance("t"));
        Class<?> routesClass = loader.loadClass("shop.OrderApi$Routes");
        Object routes = routesClass.getConstructor(api.getClass()).newInstance(api);
        Router.Builder builder = Router.builder();
        Fixtures.call(routes, "register", builder);
        List<Router.Route> table = builder.build().routes();
        assertThat(table).hasSize(7);
        // A lambda or method reference would be a hidden class: spun at first use, never in an AppCDS archive.
        assertThat(table).allSatisfy(r -> {
            assertThat(r.handler().getClass().isHidden()).as(r.template()).isFalse();
            assertThat(r.handler().getClass().getEnclosingClass()).as(r.template()).isEqualTo(routesClass);
        });
        assertThat(table.stream().map(r -> r.handler().getClass()).distinct()).hasSize(7);
    }

    @Test
    void reportsRouteMistakesOnTheMethodOrParameter() {
        String src = """
                package shop;

                import dev.allframe.http.annotation.Get;
                import dev.allframe.http.annotation.Post;
                import dev.allframe.http.annotation.PathParam;
                import dev.allframe.http.annotation.QueryParam;
                import java.util.List;

                class BadApi {
                    @Get("/a/{id}")
                    String a(@PathParam("key") String key) {
                        return key;
                    }

                    @Get("no-slash")
                    String b() {
                        return "";
                    }

                    @Get("/c")
                    String c(@QueryParam java.time.Instant when) {
                        return "";
                    }

                    @Post("/d")
                    String d(List<String> names) {
                        return "";
                    }

                    @Get("/e")
                    @Post("/e")
                    String e() {
                        return "";
                    }

                    @Get("/f/{id}")
                    String f(String id) {
                        return id;
                    }

                    @Get("/f/{other}")
                    String f2(String other) {
                        return other;
                    }

                    @Get("/g")
                    String g(@QueryParam(defaultValue = "x") int n) {
                        return "";
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(java.util.List.of(file));
        assertThat(c).hadErrorCount(7);
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] Path parameter 'key' of shop.BadApi.a() is not in its "
                + "template; the template has [id].").inFile(file).onLine(CompileErrorsTest.lineOf(src, "@PathParam(\"key\")"));
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] The path of shop.BadApi.b() must start with '/': "
                + "'no-slash'.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "String b()"));
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] Cannot convert query parameter 'when' of "
                + "shop.BadApi.c() to java.time.Instant.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(src, "java.time.Instant when"));
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] Parameter 'names' of shop.BadApi.d() would be the JSON "
                + "body, but java.util.List<java.lang.String> is not a plain class or record");
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] shop.BadApi.e() has both @Get and @Post: one route "
                + "annotation per method.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "String e()"));
        assertThat(c).hadErrorContaining("[AllFrame/DuplicateRoute] GET /f/{other} of shop.BadApi.f2() is already "
                + "routed to shop.BadApi.f(): change one path or method.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(src, "String f2("));
        assertThat(c).hadErrorContaining("[AllFrame/BadRoute] The default 'x' of query parameter 'n' of "
                + "shop.BadApi.g() is not an integer.");
    }
}
