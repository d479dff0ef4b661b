package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandResult;
import dev.allframe.cqrs.QueryBus;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import dev.allframe.processor.fixtures.cqrs.CancelOrder;
import dev.allframe.processor.fixtures.cqrs.CountOrders;
import dev.allframe.processor.fixtures.cqrs.OrderCancelled;
import dev.allframe.processor.fixtures.cqrs.OrderEvent;
import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The container provides the CQRS runtime (principle 6): stores from the environment, event types derived from the
 * sealed event interface, the event store, the command bus, the query bus and the projections, each replaceable by
 * a {@code @Provides} method.
 */
class CqrsRuntimeTest {
    private static final Environment MEMORY = Environment.of(Map.of("ALLFRAME_STORE", "memory:"));

    @SuppressWarnings("unchecked")
    private static <T> T get(Object container, String getter) {
        return (T) Fixtures.call(container, getter);
    }

    @Test
    void theContainerRunsCommandsQueriesProjectionsAndSagasOnTheStoresTheEnvironmentSelects(@TempDir Path dir)
            throws Exception {
        Compilation c = Fixtures.compile(HandlerRegistrationTest.SOURCES);
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppContainer"))
                .contains("Stores.fromEnvironment(environment, defaultStore(environment),\n        new MemoryStoresProvider())")
                .contains("\"sqlite:.allframe/shop.db\"")
                .contains("EventTypes.builder(OrderEvent.class)")
                .contains(".register(OrderPlaced.class)")
                .contains(".register(OrderCancelled.class)");
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     MEMORY)) {
            Stores stores = get(container, "stores");
            assertThat(stores.url()).isEqualTo("memory:");
            EventTypes<OrderEvent> types = get(container, "eventTypes");
            assertThat(types.names()).containsExactlyInAnyOrder("OrderPlaced", "OrderCancelled");
            CommandBus<OrderEvent> bus = get(container, "commandBus");
            assertThat((Object) get(container, "commandBus")).isSameAs(bus);
            Events.drain();
            bus.dispatch(new PlaceOrder("o-1", "tea"));
            CommandResult<OrderEvent> cancelled = bus.dispatch(new CancelOrder("o-1"));
            EventStore<OrderEvent> store = get(container, "eventStore");
            assertThat(store.read("o-1")).extracting(e -> e.event())
                    .containsExactly(new OrderPlaced("o-1", "tea"), new OrderCancelled("o-1"));

            // Read-your-writes without a loop: the registry is not started, so the wait catches up on this thread.
            ProjectionRegistry<OrderEvent> projections = get(container, "projections");
            assertThat(projections.awaitAll(cancelled.lastGlobalPosition(), Duration.ofSeconds(5))).isTrue();
            QueryBus queries = get(container, "queryBus");
            assertThat(queries.ask(new CountOrders())).isEqualTo(1);
            assertThat(Events.drain()).containsExactly("thank o-1");
            // Checkpoints and saga state live in the selected stores.
            assertThat(stores.checkpoints().load("order-count")).isEqualTo(cancelled.lastGlobalPosition());
        }
    }

    @Test
    void withNothingSetTheStoreIsTheEmbeddedFileAndOnLambdaMemoryAndAMissingBackendNamesItsModule(
            @TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(HandlerRegistrationTest.SOURCES);
        try (URLClassLoader loader = Fixtures.load(c, dir)) {
            try (Container lambda = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                    Environment.of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "shop")))) {
                assertThat(((Stores) get(lambda, "stores")).url()).isEqualTo("memory:");
            }
            // allframe-jdbc is not on this module's test class path, so SQLite has no provider.
            try (Container local = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                    Environment.of(Map.of()))) {
                assertThatThrownBy(() -> get(local, "commandBus")).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("ALLFRAME_STORE='sqlite:.allframe/shop.db'")
                        .hasMessageContaining("dev.allframe:allframe-jdbc");
            }
        }
    }

    static final String APP = """
            package shop;

            import dev.allframe.cqrs.CommandBus;
            import dev.allframe.cqrs.Decider;
            import dev.allframe.eventstore.StoredEvent;
            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.handler.annotation.ProjectionHandler;
            import dev.allframe.inject.AllFrameApplication;
            import dev.allframe.inject.Factory;
            import dev.allframe.inject.Provides;
            import dev.allframe.processor.fixtures.cqrs.OrderEvent;
            import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
            import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
            import dev.allframe.projection.Projection;
            import dev.allframe.projection.ProjectionRegistry;
            import dev.allframe.store.Stores;
            import jakarta.inject.Singleton;
            import java.util.List;

            @AllFrameApplication
            public class ShopApp { }

            @HandleCommand(retryOnConflict = 7)
            class Placing implements Decider<PlaceOrder, Integer, OrderEvent> {
                @Override public Integer initialState() { return 0; }
                @Override public List<OrderEvent> decide(PlaceOrder command, Integer n) {
                    return List.of(new OrderPlaced(command.id(), command.item()));
                }
                @Override public Integer evolve(Integer n, OrderEvent event) { return n + 1; }
            }

            @ProjectionHandler(value = "recent", inMemory = true)
            class Recent implements Projection<OrderEvent> {
                @Override public void apply(StoredEvent<OrderEvent> event) { }
            }

            @Singleton
            class Controller {
                final CommandBus<OrderEvent> bus;
                final ProjectionRegistry<OrderEvent> projections;
                Controller(CommandBus<OrderEvent> bus, ProjectionRegistry<OrderEvent> projections) {
                    this.bus = bus;
                    this.projections = projections;
                }
            }
            """;

    static final String OWN_STORES = """

            @Factory
            class Storage {
                @Provides Stores myStores() {
                    return Stores.memory();
                }
            }
            """;

    @Test
    void componentsInjectTheRuntimeAndAnnotationsSetItsPolicies(@TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(APP);
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppContainer"))
                .contains(".retryOnConflict(RetryPolicy.attempts(7))")
                .contains("builder.register(\"recent\", recent(), FailurePolicy.PARK, CheckpointStore.inMemory());")
                .contains("new Controller(commandBus(), projections())");
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     MEMORY)) {
            Object controller = get(container, "controller");
            assertThat(field(controller, "bus")).isSameAs(get(container, "commandBus"));
            assertThat(field(controller, "projections")).isSameAs(get(container, "projections"));
        }
    }

    @Test
    void aProvidesMethodReplacesOnePieceAndTheRestUsesIt(@TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(APP + OWN_STORES);
        assertThat(c).succeededWithoutWarnings();
        String source = Fixtures.generatedSource(c, "shop.ShopAppContainer");
        assertThat(source).doesNotContain("Stores.fromEnvironment").doesNotContain("defaultStore")
                .contains("EventStore.create(myStores().events(), eventTypes())");
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            CommandBus<OrderEvent> bus = get(container, "commandBus");
            bus.dispatch(new PlaceOrder("o-9", "jam"));
            Stores made = get(container, "myStores");
            assertThat(made.url()).isEqualTo("memory:");
            assertThat(made.events().version("o-9")).isEqualTo(1);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        var f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }
}
