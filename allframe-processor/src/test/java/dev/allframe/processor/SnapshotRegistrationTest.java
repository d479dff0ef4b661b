package dev.allframe.processor;

import com.google.testing.compile.Compilation;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventTypes;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.inject.Container;
import dev.allframe.inject.Environment;
import dev.allframe.processor.fixtures.cqrs.OrderCancelled;
import dev.allframe.processor.fixtures.cqrs.OrderEvent;
import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaFileObject;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @HandleCommand(snapshotEvery = n)} puts the decider's snapshot policy into the generated registration, and
 * a component injecting {@code CommandRegistrations} builds its bus from it.
 */
class SnapshotRegistrationTest {
    static final String HEADER = """
            package shop;

            import dev.allframe.cqrs.CommandBus;
            import dev.allframe.cqrs.CommandHandler;
            import dev.allframe.cqrs.CommandRegistrations;
            import dev.allframe.cqrs.Decider;
            import dev.allframe.eventstore.EventStore;
            import dev.allframe.handler.annotation.HandleCommand;
            import dev.allframe.processor.fixtures.cqrs.OrderEvent;
            import dev.allframe.processor.fixtures.cqrs.OrderPlaced;
            import dev.allframe.processor.fixtures.cqrs.PlaceOrder;
            import dev.allframe.snapshot.SnapshotStore;
            import jakarta.inject.Inject;
            import jakarta.inject.Singleton;
            import java.util.List;

            @dev.allframe.inject.AllFrameApplication
            public class ShopApp { }
            """;

    /** Counts the items of an order; snapshots every second event. */
    static final String COUNTING = """

            @HandleCommand(snapshotEvery = 2)
            class Counting implements Decider<PlaceOrder, Integer, OrderEvent> {
                @Override public Integer initialState() { return 0; }
                @Override public List<OrderEvent> decide(PlaceOrder command, Integer items) {
                    return List.of(new OrderPlaced(command.id(), command.item() + " #" + (items + 1)));
                }
                @Override public Integer evolve(Integer items, OrderEvent event) { return items + 1; }
            }
            """;

    static final String BUSES = """

            @Singleton
            class Buses {
                final CommandRegistrations<OrderEvent> commands;
                @Inject Buses(CommandRegistrations<OrderEvent> commands) { this.commands = commands; }

                CommandBus<OrderEvent> bus(EventStore<OrderEvent> store, SnapshotStore snapshots) {
                    CommandBus.Builder<OrderEvent> builder = CommandBus.builder(store).snapshotStore(snapshots);
                    commands.registerAll(builder);
                    return builder.build();
                }
            }
            """;

    private static EventStore<OrderEvent> store() {
        return EventStore.create(InMemoryEventStoreBackend.create(),
                EventTypes.builder(OrderEvent.class).register(OrderPlaced.class).register(OrderCancelled.class)
                        .build());
    }

    @Test
    void aComponentInjectingCommandRegistrationsGetsTheDeciderWithItsSnapshotPolicy(@TempDir Path dir)
            throws Exception {
        Compilation c = Fixtures.compile(HEADER + COUNTING + BUSES);
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppContainer"))
                .contains("builder.register(PlaceOrder.class, counting(), SnapshotPolicy.everyNEvents(2), "
                        + "Integer.class);")
                .contains("new Buses(this::registerCommands)");
        try (URLClassLoader loader = Fixtures.load(c, dir);
             Container container = (Container) Fixtures.callStatic(loader, "shop.ShopAppContainer", "create",
                     Environment.of(Map.of()))) {
            Object buses = Fixtures.call(container, "buses");
            EventStore<OrderEvent> store = store();
            SnapshotStore snapshots = SnapshotStore.inMemory();
            @SuppressWarnings("unchecked")
            CommandBus<OrderEvent> bus = (CommandBus<OrderEvent>) Fixtures.call(buses, "bus", store, snapshots);

            bus.dispatch(new PlaceOrder("o-1", "tea"));
            assertThat(snapshots.load("o-1")).isEmpty();
            bus.dispatch(new PlaceOrder("o-1", "jam"));
            Snapshot second = snapshots.load("o-1").orElseThrow();
            assertThat(second.version()).isEqualTo(2);
            assertThat(new String(second.payload(), StandardCharsets.UTF_8)).isEqualTo("2");
            bus.dispatch(new PlaceOrder("o-1", "oat"));
            assertThat(snapshots.load("o-1").orElseThrow().version()).isEqualTo(2);
            bus.dispatch(new PlaceOrder("o-1", "rye"));
            assertThat(snapshots.load("o-1").orElseThrow().version()).isEqualTo(4);
            // The state the decider folds from the snapshot is the one it saved: the fourth item is numbered 4.
            assertThat(store.read("o-1")).extracting(e -> e.event()).last()
                    .isEqualTo(new OrderPlaced("o-1", "rye #4"));

            // The registration declares a policy, so a bus without a snapshot store is refused when built.
            CommandBus.Builder<OrderEvent> noSnapshots = CommandBus.builder(store());
            Fixtures.call(container, "registerCommands", noSnapshots);
            assertThatThrownBy(noSnapshots::build).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("PlaceOrder has a snapshot policy but the bus has no snapshotStore(...)");
        }
        // The component reaches the handlers through its registrations, so its IAM covers what they use.
        String graph = Fixtures.resource(c, "META-INF/allframe/graph.json");
        assertThat(graph).containsSubsequence("\"id\": \"shop.Buses\"", "\"component\": \"shop.Counting\"",
                "\"lazy\": true");
    }

    @Test
    void withoutSnapshotEveryTheDeciderIsRegisteredWithoutAPolicy() {
        Compilation c = Fixtures.compile(HEADER + COUNTING.replace("(snapshotEvery = 2)", "") + BUSES);
        assertThat(c).succeededWithoutWarnings();
        assertThat(Fixtures.generatedSource(c, "shop.ShopAppContainer"))
                .contains("builder.register(PlaceOrder.class, counting());")
                .doesNotContain("SnapshotPolicy");
    }

    @Test
    void rejectsANegativeInterval() {
        String src = HEADER + COUNTING.replace("snapshotEvery = 2", "snapshotEvery = -5");
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand(snapshotEvery = -5) on "
                + "shop.Counting: the interval must be at least 1 (snapshot every n events), or 0 for no snapshots.")
                .inFile(file).onLine(CompileErrorsTest.lineOf(src, "snapshotEvery = -5"));
    }

    @Test
    void rejectsAnIntervalWhereThereIsNoStateToSnapshot() {
        String src = HEADER + """

                @HandleCommand(snapshotEvery = 10)
                class Placing implements CommandHandler<PlaceOrder, OrderEvent> {
                    @Override public List<OrderEvent> handle(PlaceOrder command) { return List.of(); }
                }

                @Singleton
                class Cancelling {
                    @HandleCommand(snapshotEvery = 3)
                    List<OrderEvent> cancel(dev.allframe.processor.fixtures.cqrs.CancelOrder command) {
                        return List.of();
                    }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand(snapshotEvery = 10) on shop.Placing: "
                + "a CommandHandler has no state to snapshot; only a dev.allframe.cqrs.Decider<C, S, E> has. "
                + "Remove snapshotEvery.").inFile(file).onLine(CompileErrorsTest.lineOf(src, "snapshotEvery = 10"));
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand(snapshotEvery = ...) on method "
                + "shop.Cancelling.cancel() has no state to snapshot: only a Decider class has.")
                .inFile(file).onLine(CompileErrorsTest.lineOf(src, "snapshotEvery = 3"));
    }

    @Test
    void rejectsAStateTypeASnapshotCannotBeReadBackAs() {
        String src = HEADER + """

                @HandleCommand(snapshotEvery = 50)
                class Listing implements Decider<PlaceOrder, List<String>, OrderEvent> {
                    @Override public List<String> initialState() { return List.of(); }
                    @Override public List<OrderEvent> decide(PlaceOrder command, List<String> items) {
                        return List.of();
                    }
                    @Override public List<String> evolve(List<String> items, OrderEvent event) { return items; }
                }
                """;
        JavaFileObject file = Fixtures.source(src);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/BadHandler] @HandleCommand(snapshotEvery = 50) on shop.Listing: "
                + "the state type java.util.List<java.lang.String> must be a class without type arguments")
                .inFile(file).onLine(CompileErrorsTest.lineOf(src, "snapshotEvery = 50"));
    }

    @Test
    void rejectsCommandRegistrationsWithoutHandlersOrOfAnotherEventType() {
        String none = HEADER + BUSES;
        JavaFileObject file = Fixtures.source(none);
        Compilation c = Fixtures.compile(List.of(file));
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[AllFrame/MissingBinding] No @HandleCommand handler for "
                + "dev.allframe.cqrs.CommandRegistrations<dev.allframe.processor.fixtures.cqrs.OrderEvent>, which "
                + "shop.Buses.<init>(commands) asks for.")
                .inFile(file).onLine(CompileErrorsTest.lineOf(none, "@Inject Buses"));

        String narrower = HEADER + COUNTING + BUSES.replace("CommandRegistrations<OrderEvent>",
                "CommandRegistrations<OrderPlaced>");
        JavaFileObject file2 = Fixtures.source(narrower);
        Compilation c2 = Fixtures.compile(List.of(file2));
        assertThat(c2).hadErrorCount(1);
        assertThat(c2).hadErrorContaining("[AllFrame/BadHandler] Use "
                + "CommandRegistrations<dev.allframe.processor.fixtures.cqrs.OrderEvent> at "
                + "shop.Buses.<init>(commands): the command handlers return "
                + "dev.allframe.processor.fixtures.cqrs.OrderEvent")
                .inFile(file2).onLine(CompileErrorsTest.lineOf(narrower, "@Inject Buses"));
    }
}
