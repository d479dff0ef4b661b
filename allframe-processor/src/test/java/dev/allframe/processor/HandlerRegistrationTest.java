package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.QueryBus;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import dev.allframe.processor.fixtures.cqrs.CancelOrder;
import dev.allframe.processor.fixtures.cqrs.CountOrders;
import dev.allframe.processor.fixtures.cqrs.OrderCancelled;
import dev.allframe.processor.fixtures.cqrs.OrderEvent;
import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.saga.SagaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Handler annotations generate the command bus, query bus and projection registry registrations. */
class HandlerRegistrationTest {
    static final String SOURCES = """
            package shop;

            import dev.allframe.eventstore.StoredEvent;
            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.handler.annotation.HandleQuery;
            import dev.allframe.handler.annotation.ProjectionHandler;
            import dev.allframe.handler.annotation.SagaHandler;
            import dev.allframe.inject.AllFrameApplication;
            import dev.allframe.cqrs.Decider;
            import dev.allframe.processor.fixtures.cqrs.CancelOrder;
            import dev.allframe.processor.fixtures.cqrs.CountOrders;
            import dev.allframe.processor.fixtures.cqrs.OrderCancelled;
            import dev.allframe.processor.fixtures.cqrs.OrderEvent;
            import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
            import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
            import dev.allframe.inject.Factory;
            import dev.allframe.inject.Provides;
            import dev.allframe.processor.Events;
            import dev.allframe.projection.Projection;
            import dev.allframe.saga.SagaDefinition;
            import dev.allframe.saga.SagaStep;
            import jakarta.inject.Singleton;
            import java.util.List;
            import java.util.concurrent.atomic.AtomicInteger;

            @AllFrameApplication
            public class ShopApp { }

            @ProjectionHandler("order-count")
            class Counter implements Projection<OrderEvent> {
                final AtomicInteger placed = new AtomicInteger();
                @Override public void apply(StoredEvent<OrderEvent> event) {
                    if (event.event() instanceof OrderPlaced) {
                        placed.incrementAndGet();
                    }
                }
            }

            @Factory
            class Sagas {
                @Provides
                @SagaHandler("follow-up")
                SagaDefinition<OrderEvent> followUp() {
                    return SagaDefinition.<OrderEvent>builder("follow-up")
                            .startedBy(OrderPlaced.class, OrderPlaced::id)
                            .step(SagaStep.<OrderEvent>builder("thank")
                                    .action(ctx -> Events.record("thank " + ctx.sagaId()))
                                    .build())
                            .build();
                }
            }

            @HandleCommand
            class Cancellation implements Decider<CancelOrder, Boolean, OrderEvent> {
                @Override public Boolean initialState() { return false; }
                @Override public List<OrderEvent> decide(CancelOrder command, Boolean cancelled) {
                    return cancelled ? List.of() : List.of(new OrderCancelled(command.id()));
                }
                @Override public Boolean evolve(Boolean cancelled, OrderEvent event) {
                    return cancelled || event instanceof OrderCancelled;
                }
            }

            @Singleton
            class Orders {
                final Counter counter;
                Orders(Counter counter) { this.counter = counter; }

                @HandleCommand
                List<OrderPlaced> place(PlaceOrder command) {
                    return List.of(new OrderPlaced(command.id(), command.item()));
                }

                @HandleQuery
                Integer count(CountOrders query) {
                    return counter.placed.get();
                }
            }
            """;

    @Test
    void commandsQueriesProjectionsAndSagasRunThroughTheGeneratedRegistrations(@TempDir Path dir) throws Exception {
        Compilation c = Fixtures.compile(SOURCES);
        assertThat(c).succeededWithoutWarnings();
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            EventStore<OrderEvent> store = EventStore.create(InMemoryEventStoreBackend.create(),
                    EventTypes.builder(OrderEvent.class).register(OrderPlaced.class).register(OrderCancelled.class)
                            .build());
            CommandBus.Builder<OrderEvent> commands = CommandBus.builder(store);
            Fixtures.call(container, "registerCommands", commands);
            CommandBus<OrderEvent> bus = commands.build();
            bus.dispatch(new PlaceOrder("o-1", "tea"));
            bus.dispatch(new CancelOrder("o-1"));
            bus.dispatch(new CancelOrder("o-1")); // the aggregate decides nothing the second time
            assertThat(store.read("o-1")).extracting(e -> e.event()).containsExactly(new OrderPlaced("o-1", "tea"),
                    new OrderCancelled("o-1"));

            ProjectionRegistry.Builder<OrderEvent> projections = ProjectionRegistry.builder(store,
                    CheckpointStore.inMemory());
            Events.drain();
            Fixtures.call(container, "registerProjections", projections, SagaStore.inMemory(), Clock.systemUTC());
            try (ProjectionRegistry<OrderEvent> registry = projections.build()) {
                registry.catchUp();
            }
            assertThat(Events.drain()).containsExactly("thank o-1");
            QueryBus queries = ((QueryBus.Builder) Fixtures.call(container, "registerQueries", QueryBus.builder()))
                    .build();
            assertThat(queries.ask(new CountOrders())).isEqualTo(1);
        }
        String graph = Fixtures.resource(c, "META-INF/allframe/graph.json");
        assertThat(GraphTest.parse(graph).get("entryPoints")).asString()
                .contains("component=shop.Cancellation, handler=null, message=dev.allframe.processor.fixtures.cqrs.CancelOrder")
                .contains("component=shop.Orders, handler=place, message=dev.allframe.processor.fixtures.cqrs.PlaceOrder")
                .contains("component=shop.Sagas#followUp, handler=followUp, name=follow-up");
    }

    @Test
    void rejectsHandlersTheBusesCannotCall() {
        String src = """
                package shop;

                import dev.allframe.handler.annotation.HandleCommand;
                import dev.allframe.handler.annotation.HandleQuery;
                import dev.allframe.processor.fixtures.cqrs.CountOrders;
                import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
                import java.util.List;

                @dev.allframe.inject.AllFrameApplication
                public class ShopApp { }

                class Bad {
                    @HandleCommand
                    String place(PlaceOrder command) { return ""; }

                    @HandleQuery
                    String count(CountOrders query) { return ""; }

                    @HandleCommand
                    List<String> notACommand(String command) { return List.of(); }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(3);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand method shop.Bad.place() must return "
                + "the events it decides, as java.util.List<E> with E an dev.allframe.cqrs.Event; it returns "
                + "java.lang.String.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "String place"));
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleQuery method shop.Bad.count() returns "
                + "java.lang.String, but dev.allframe.processor.fixtures.cqrs.CountOrders is a "
                + "Query<java.lang.Integer>.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "String count"));
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand parameter java.lang.String must "
                + "implement dev.allframe.cqrs.Command.");
    }

    @Test
    void rejectsACommandHandlerClassThatIsNeitherDeciderNorHandler() {
        String src = """
                package shop;

                @dev.allframe.inject.AllFrameApplication
                public class ShopApp { }

                @dev.allframe.handler.annotation.HandleCommand
                class NotADecider { }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand class shop.NotADecider must "
                + "implement dev.allframe.cqrs.Decider<C, S, E> or dev.allframe.cqrs.CommandHandler<C, E>")
                .inFile(file).onLine(CompileErrorsTest.lineOf(src, "class NotADecider"));
    }

    @Test
    void registersACommandHandlerClassAndRejectsHandlersThatThrowWhatTheBusCannotPassOn(@TempDir Path dir)
            throws Exception {
        String good = """
                package shop;

                import dev.allframe.cqrs.CommandHandler;
                import dev.allframe.handler.annotation.HandleCommand;
                import dev.allframe.processor.fixtures.cqrs.OrderEvent;
                import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
                import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
                import java.util.List;

                @dev.allframe.inject.AllFrameApplication
                public class ShopApp { }

                @HandleCommand
                class Placing implements CommandHandler<PlaceOrder, OrderEvent> {
                    @Override public List<OrderEvent> handle(PlaceOrder command) {
                        return List.of(new OrderPlaced(command.id(), command.item().toUpperCase()));
                    }
                }
                """;
        Compilation c = Fixtures.compile(good);
        assertThat(c).succeededWithoutWarnings();
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            EventStore<OrderEvent> store = EventStore.create(InMemoryEventStoreBackend.create(),
                    EventTypes.builder(OrderEvent.class).register(OrderPlaced.class).build());
            CommandBus.Builder<OrderEvent> commands = CommandBus.builder(store);
            Fixtures.call(container, "registerCommands", commands);
            commands.build().dispatch(new PlaceOrder("o-9", "jam"));
            assertThat(store.read("o-9")).extracting(e -> e.event()).containsExactly(new OrderPlaced("o-9", "JAM"));
        }

        String bad = """
                package shop;

                import dev.allframe.handler.annotation.HandleQuery;
                import dev.allframe.processor.fixtures.cqrs.CountOrders;

                @dev.allframe.inject.AllFrameApplication
                public class ShopApp { }

                class Counting {
                    @HandleQuery
                    Integer count(CountOrders query) throws java.io.IOException { return 0; }
                }
                """;
        JavaFileObject file = Fixtures.source(bad);
        Compilation failed = Fixtures.compile(List.of(file));
        assertThat(failed).hadErrorCount(1);
        assertThat(failed).hadErrorContaining("[AllFrame/BadHandler] Handler method shop.Counting.count() declares "
                + "java.io.IOException, which its bus cannot pass on.").inFile(file)
                .onLine(CompileErrorsTest.lineOf(bad, "Integer count"));
    }

    @Test
    void rejectsASagaThatIsNotADefinition() {
        String src = """
                package shop;

                import dev.allframe.handler.annotation.SagaHandler;
                import dev.allframe.inject.Factory;
                import dev.allframe.inject.Provides;

                @dev.allframe.inject.AllFrameApplication
                public class ShopApp { }

                @Factory
                class Sagas {
                    @Provides
                    @SagaHandler("s")
                    Runnable saga() { return () -> { }; }
                }
                """;
        Compilation c = Fixtures.compile(List.of(Fixtures.source(src)));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @SagaHandler method shop.Sagas#saga must return "
                + "dev.allframe.saga.SagaDefinition<E>; it returns java.lang.Runnable.");
    }
}
