package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import dev.allframe.lambda.AllFrameHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One handler class per {@code @LambdaFunction}: the user writes no entry point, and {@code infra.json} names the
 * generated class.
 */
class LambdaEntryPointTest {
    static final String SOURCES = """
            package shop;

            import dev.allframe.cqrs.CommandBus;
            import dev.allframe.cqrs.CommandResult;
            import dev.allframe.cqrs.Decider;
            import dev.allframe.eventstore.StoredEvent;
            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.handler.annotation.ProjectionHandler;
            import dev.allframe.http.Response;
            import dev.allframe.http.annotation.Get;
            import dev.allframe.http.annotation.PathParam;
            import dev.allframe.http.annotation.Post;
            import dev.allframe.infra.annotations.EventStore;
            import dev.allframe.infra.annotations.LambdaFunction;
            import dev.allframe.infra.annotations.Queue;
            import dev.allframe.infra.annotations.Subscribes;
            import dev.allframe.inject.AllFrameApplication;
            import dev.allframe.processor.fixtures.cqrs.OrderEvent;
            import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
            import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
            import dev.allframe.projection.Projection;
            import dev.allframe.projection.ProjectionRegistry;
            import jakarta.inject.Singleton;
            import java.time.Duration;
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;

            @AllFrameApplication
            @EventStore(name = "events", table = "events")
            @Queue(name = "orders")
            public class ShopApp { }

            @HandleCommand
            class Placing implements Decider<PlaceOrder, Integer, OrderEvent> {
                @Override public Integer initialState() { return 0; }
                @Override public List<OrderEvent> decide(PlaceOrder command, Integer n) {
                    return List.of(new OrderPlaced(command.id(), command.item()));
                }
                @Override public Integer evolve(Integer n, OrderEvent event) { return n + 1; }
            }

            @ProjectionHandler(value = "items", inMemory = true)
            class Items implements Projection<OrderEvent> {
                final Map<String, String> byOrder = new ConcurrentHashMap<>();
                @Override public void apply(StoredEvent<OrderEvent> event) {
                    if (event.event() instanceof OrderPlaced p) {
                        byOrder.put(p.id(), p.item());
                    }
                }
            }

            @Singleton
            @LambdaFunction(name = "shop-http", http = LambdaFunction.Http.FUNCTION_URL)
            class Orders {
                private final CommandBus<OrderEvent> bus;
                private final ProjectionRegistry<OrderEvent> projections;
                private final Items items;
                Orders(CommandBus<OrderEvent> bus, ProjectionRegistry<OrderEvent> projections, Items items) {
                    this.bus = bus;
                    this.projections = projections;
                    this.items = items;
                }

                @Post("/orders/{id}/{item}")
                Response place(@PathParam("id") String id, @PathParam("item") String item) throws Exception {
                    CommandResult<OrderEvent> r = bus.dispatch(new PlaceOrder(id, item));
                    projections.awaitAll(r.lastGlobalPosition(), Duration.ofSeconds(5));
                    return Response.text(201, items.byOrder.get(id));
                }
            }

            @Singleton
            @LambdaFunction(name = "shop-events")
            @Subscribes(queue = "orders")
            class Consumer {
            }
            """;

    private static Compilation compile() {
        return Compiler.javac().withProcessors(new AllFrameProcessor(), new EventRoutesProcessor())
                .withOptions("-Xlint:all,-processing,-auxiliaryclass", "-Werror")
                .compile(Fixtures.source(SOURCES));
    }

    private static String post(String path) {
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"" + path + "\",\"rawQueryString\":\"\","
                + "\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"" + path + "\","
                + "\"sourceIp\":\"1.2.3.4\"},\"requestId\":\"r\",\"stage\":\"$default\"},\"isBase64Encoded\":false}";
    }

    @Test
    void eachFunctionGetsAHandlerClassThatInfraJsonNames(@TempDir Path dir) throws Exception {
        Compilation c = compile();
        assertThat(c).succeededWithoutWarnings();
        String infra = Fixtures.resource(c, "META-INF/allframe/infra.json");
        assertThat(infra).contains("\"handler\": \"shop.ShopHttpLambda::handleRequest\"")
                .contains("\"handler\": \"shop.ShopEventsLambda::handleRequest\"");
        assertThat(Fixtures.generatedSource(c, "shop.ShopHttpLambda"))
                .contains("public final class ShopHttpLambda extends AllFrameHandler")
                .contains("this(ShopAppContainer.create())")
                .contains("super(new Application(app))")
                .doesNotContain("->").doesNotContain("::");
        assertThat(Fixtures.generatedSource(c, "shop.ShopEventsLambda"))
                .contains("super(new Application(app), new Events(app))")
                .contains(".commandBus(app.commandBus())")
                .contains(".idempotency(app.stores().idempotency())")
                .contains(".projections(app.eventStore(), app.projections())")
                .doesNotContain("->");

        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container app = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of("ALLFRAME_STORE", "memory:")))) {
            AllFrameHandler http = (AllFrameHandler) loader.loadClass("shop.ShopHttpLambda")
                    .getConstructor(app.getClass()).newInstance(app);
            // Read-your-writes on Lambda: the projection is not running; the wait caught it up on this thread.
            String answer = new String(http.handle(post("/orders/o-1/tea").getBytes(StandardCharsets.UTF_8), null),
                    StandardCharsets.UTF_8);
            assertThat(answer).contains("\"statusCode\":201").contains("tea");

            AllFrameHandler events = (AllFrameHandler) loader.loadClass("shop.ShopEventsLambda")
                    .getConstructor(app.getClass()).newInstance(app);
            String sqs = "{\"Records\":[{\"messageId\":\"m-1\",\"body\":\"{}\",\"attributes\":{},"
                    + "\"messageAttributes\":{},\"eventSource\":\"aws:sqs\","
                    + "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:123456789012:orders\"}]}";
            String failures = new String(events.handle(sqs.getBytes(StandardCharsets.UTF_8), null),
                    StandardCharsets.UTF_8);
            // The queue has no command routes, so the message fails alone, reported back to SQS.
            assertThat(failures).contains("batchItemFailures").contains("m-1");
        }
    }

    @Test
    void theGeneratedMainServesTheRoutesWithHealthAndLiveProjections(@TempDir Path dir) throws Exception {
        Compilation c = compile();
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppMain"))
                .contains("public static void main(String[] args)")
                .contains(".devRoutes(new DevRoutes(app))")
                .contains("LocalEventsRoutes.register(routes, new ShopEventsLambda(app), app.stores().events())");
        try (URLClassLoader loader = Fixtures.load(c, dir)) {
            Container app = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                    Environment.of(Map.of("ALLFRAME_STORE", "memory:")));
            dev.allframe.server.HttpServer server = (dev.allframe.server.HttpServer) Fixtures.callStatic(loader,
                    "shop.ShopAppMain", "start", app, Map.of("PORT", "0"));
            try {
                java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
                java.net.URI base = java.net.URI.create("http://127.0.0.1:" + server.port());
                var placed = client.send(java.net.http.HttpRequest.newBuilder(base.resolve("/orders/o-2/jam"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(placed.statusCode()).isEqualTo(201);
                assertThat(placed.body()).isEqualTo("jam");
                var ready = client.send(java.net.http.HttpRequest.newBuilder(base.resolve("/health/ready")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
                assertThat(ready.body()).contains("memory:");
                @SuppressWarnings("unchecked")
                var projections = (dev.allframe.projection.ProjectionRegistry<Object>) Fixtures.call(app,
                        "projections");
                assertThat(projections.status("items").state())
                        .isEqualTo(dev.allframe.projection.ProjectionStatus.State.RUNNING);
            } finally {
                server.close();
            }
        }
    }
}
