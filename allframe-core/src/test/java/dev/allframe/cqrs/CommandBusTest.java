package dev.allframe.cqrs;

import dev.allframe.eventstore.ConcurrencyConflictException;
import dev.allframe.eventstore.EventData;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.RecordedEvent;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotPolicy;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testdomain.CartCommand;
import dev.allframe.testdomain.CartDecider;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandBusTest {
    private final InMemoryEventStoreBackend backend = InMemoryEventStoreBackend.create();
    private final EventStore<CartEvent> store = EventStore.create(backend, CartEvent.types());

    private CommandBus<CartEvent> bus() {
        return CommandBus.builder(store).register(CartCommand.class, new CartDecider()).build();
    }

    @Test
    void dispatchLoadsFoldsDecidesAndAppendsAtTheLoadedVersion() {
        CommandBus<CartEvent> bus = bus();
        CommandResult<CartEvent> opened = bus.dispatch(new CartCommand.Open("1", "ann"));
        assertThat(opened.version()).isEqualTo(1);
        assertThat(opened.events()).extracting(StoredEvent::event)
                .containsExactly(new CartEvent.CartOpened("1", "ann"));
        CommandResult<CartEvent> added = bus.dispatch(new CartCommand.Add("1", "apple", 3));
        assertThat(added.version()).isEqualTo(2);
        assertThat(added.lastGlobalPosition()).isEqualTo(2);
        assertThat(store.read("cart-1")).hasSize(2);
    }

    @Test
    void aBusinessRuleViolationIsACommandExceptionAndAppendsNothing() {
        CommandBus<CartEvent> bus = bus();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        bus.dispatch(new CartCommand.CheckOut("1"));
        assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", "apple", 1)))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CommandException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("cart 1 is checked out");
                });
        assertThat(store.version("cart-1")).isEqualTo(2);
    }

    @Test
    void rejectsASecondHandlerForTheSameCommandTypeNamingBoth() {
        CommandHandler<CartCommand, CartEvent> other = c -> List.of();
        assertThatThrownBy(() -> CommandBus.builder(store)
                .register(CartCommand.class, new CartDecider())
                .register(CartCommand.class, other))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Duplicate handler for command " + CartCommand.class.getName())
                .hasMessageContaining(CartDecider.class.getName())
                .hasMessageContaining(CommandBusTest.class.getName());
    }

    @Test
    void theNearestRegisteredTypeHandlesACommand() {
        AtomicInteger specific = new AtomicInteger();
        CommandBus<CartEvent> bus = CommandBus.builder(store)
                .register(CartCommand.class, new CartDecider())
                .register(CartCommand.Open.class, (CommandHandler<CartCommand.Open, CartEvent>) c -> {
                    specific.incrementAndGet();
                    return List.of(new CartEvent.CartOpened(c.cartId(), "via-handler"));
                })
                .build();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        assertThat(specific).hasValue(1);
        assertThat(bus.dispatch(new CartCommand.Add("1", "x", 1)).version()).isEqualTo(2);
    }

    @Test
    void validationFailuresCarryFieldErrorsAndStopBeforeTheHandler() {
        CommandBus<CartEvent> bus = CommandBus.builder(store)
                .register(CartCommand.class, new CartDecider())
                .validator(CartCommand.Add.class, c -> c.qty() > 0 ? List.of()
                        : List.of(new FieldError("qty", "must be positive")))
                .validator(CartCommand.Add.class, c -> c.sku().isBlank() ? List.of(new FieldError("sku", "is required"))
                        : List.of())
                .build();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", " ", 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("qty", "must be positive"), new FieldError("sku", "is required")));
        record Touch(String streamId) implements Command {
        }
        CommandBus<CartEvent> touching = CommandBus.builder(store)
                .register(Touch.class, (CommandHandler<Touch, CartEvent>) c -> List.of()).build();
        assertThatThrownBy(() -> touching.dispatch(new Touch(" ")))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly("streamId"));
        assertThat(store.version("cart-1")).isEqualTo(1);
    }

    @Test
    void anUnregisteredCommandTypeIsAClearError() {
        CommandBus<CartEvent> empty = CommandBus.builder(store).build();
        assertThatThrownBy(() -> empty.dispatch(new CartCommand.Open("1", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No handler registered for command");
    }

    /** A backend where another writer sneaks an event in before the first {@code races} appends. */
    private static EventStoreBackend racing(InMemoryEventStoreBackend real, int races) {
        AtomicInteger left = new AtomicInteger(races);
        return new EventStoreBackend() {
            @Override
            public List<RecordedEvent> append(String s, List<EventData> e, ExpectedVersion x) {
                if (left.getAndDecrement() > 0) {
                    real.append(s, List.of(new EventData("ItemAdded.v2",
                            "{\"cartId\":\"1\",\"sku\":\"rival\",\"qty\":1}".getBytes(), null)), ExpectedVersion.any());
                }
                return real.append(s, e, x);
            }

            @Override
            public List<RecordedEvent> read(String s, long v) {
                return real.read(s, v);
            }

            @Override
            public List<RecordedEvent> readAll(long p, int m) {
                return real.readAll(p, m);
            }

            @Override
            public long version(String s) {
                return real.version(s);
            }
        };
    }

    @Test
    void withoutARetryPolicyAConflictReachesTheCaller() {
        EventStore<CartEvent> racy = EventStore.create(racing(backend, 1), CartEvent.types());
        store.append("cart-1", List.of(new CartEvent.CartOpened("1", "ann")), ExpectedVersion.noStream());
        CommandBus<CartEvent> bus = CommandBus.builder(racy).register(CartCommand.class, new CartDecider()).build();
        assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", "apple", 1)))
                .isInstanceOfSatisfying(ConcurrencyConflictException.class, e -> {
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(e.actual()).isEqualTo(2);
                });
    }

    @Test
    void theRetryPolicyRedecidesOnFreshStateWithinItsBound() {
        store.append("cart-1", List.of(new CartEvent.CartOpened("1", "ann")), ExpectedVersion.noStream());
        EventStore<CartEvent> racy = EventStore.create(racing(backend, 2), CartEvent.types());
        CommandBus<CartEvent> bus = CommandBus.builder(racy).register(CartCommand.class, new CartDecider())
                .retryOnConflict(RetryPolicy.attempts(3)).build();
        assertThat(bus.dispatch(new CartCommand.Add("1", "apple", 1)).version()).isEqualTo(4);

        EventStore<CartEvent> tooRacy = EventStore.create(racing(backend, 5), CartEvent.types());
        CommandBus<CartEvent> bounded = CommandBus.builder(tooRacy).register(CartCommand.class, new CartDecider())
                .retryOnConflict(RetryPolicy.attempts(3)).build();
        assertThatThrownBy(() -> bounded.dispatch(new CartCommand.Add("1", "pear", 1)))
                .isInstanceOf(ConcurrencyConflictException.class);
        assertThat(store.read("cart-1")).extracting(e -> e.event() instanceof CartEvent.ItemAdded a ? a.sku() : "")
                .doesNotContain("pear");
    }

    @Test
    void retriesStopWhenTheTimeBudgetIsSpentAndTheConflictReachesTheCaller() {
        store.append("cart-1", List.of(new CartEvent.CartOpened("1", "ann")), ExpectedVersion.noStream());
        // Every append races; up to 100 attempts with waits of up to 20 ms would take about a second, far past the
        // budget, so the budget is what ends them.
        EventStore<CartEvent> alwaysRacy = EventStore.create(racing(backend, Integer.MAX_VALUE), CartEvent.types());
        CommandBus<CartEvent> bus = CommandBus.builder(alwaysRacy).register(CartCommand.class, new CartDecider())
                .retryOnConflict(RetryPolicy.attempts(100).withBackoff(Duration.ofMillis(20), Duration.ofMillis(20))
                        .withBudget(Duration.ofMillis(60)))
                .build();
        assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", "pear", 1)))
                .isInstanceOf(ConcurrencyConflictException.class);
        long rivals = store.read("cart-1").size() - 1;
        assertThat(rivals).as("attempts made before the budget ran out").isBetween(2L, 99L);
    }

    @Test
    void anInterruptedRetryWaitGivesTheConflictToTheCallerAndKeepsTheFlag() {
        store.append("cart-1", List.of(new CartEvent.CartOpened("1", "ann")), ExpectedVersion.noStream());
        EventStore<CartEvent> alwaysRacy = EventStore.create(racing(backend, Integer.MAX_VALUE), CartEvent.types());
        CommandBus<CartEvent> bus = CommandBus.builder(alwaysRacy).register(CartCommand.class, new CartDecider())
                .retryOnConflict(RetryPolicy.attempts(100).withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1))
                        .withBudget(Duration.ofMinutes(1)))
                .build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", "pear", 1)))
                    .isInstanceOf(ConcurrencyConflictException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void concurrentDispatchesToOneStreamAllLandWithARetryPolicy() throws Exception {
        CommandBus<CartEvent> bus = CommandBus.builder(store).register(CartCommand.class, new CartDecider())
                .retryOnConflict(RetryPolicy.attempts(100)).build();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        int threads = 8;
        int each = 20;
        java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        try {
                            bus.dispatch(new CartCommand.Add("1", thread + "-" + i, 1));
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                });
            }
        }
        assertThat(failures).isEmpty();
        assertThat(store.version("cart-1")).isEqualTo(1 + threads * each);
        assertThat(store.read("cart-1")).extracting(StoredEvent::version).doesNotHaveDuplicates();
    }

    @Test
    void snapshotsEveryNEventsAndLoadsFromTheLatestSnapshotThenLaterEvents() {
        SnapshotStore snapshots = SnapshotStore.inMemory();
        CommandBus<CartEvent> bus = CommandBus.builder(store).snapshotStore(snapshots)
                .register(CartCommand.class, new CartDecider(), SnapshotPolicy.everyNEvents(3), CartDecider.State.class)
                .build();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        bus.dispatch(new CartCommand.Add("1", "a", 1));
        assertThat(snapshots.load("cart-1")).isEmpty();
        bus.dispatch(new CartCommand.Add("1", "b", 2));
        assertThat(snapshots.load("cart-1")).get().extracting(Snapshot::version).isEqualTo(3L);
        bus.dispatch(new CartCommand.Add("1", "c", 4));

        // A snapshot that claims the cart is checked out proves loading starts from it, not from event 1.
        snapshots.save(new Snapshot("cart-1", 4, "{\"open\":true,\"items\":7,\"checkedOut\":true}".getBytes(),
                java.time.Instant.now()));
        assertThatThrownBy(() -> bus.dispatch(new CartCommand.Add("1", "d", 1)))
                .hasMessage("cart 1 is checked out");
    }

    @Test
    void anUnreadableSnapshotFallsBackToAFullReplay() {
        SnapshotStore snapshots = SnapshotStore.inMemory();
        CommandBus<CartEvent> bus = CommandBus.builder(store).snapshotStore(snapshots)
                .register(CartCommand.class, new CartDecider(), SnapshotPolicy.everyNEvents(1), CartDecider.State.class)
                .build();
        bus.dispatch(new CartCommand.Open("1", "ann"));
        snapshots.save(new Snapshot("cart-1", 1, "not json".getBytes(), java.time.Instant.now()));
        assertThat(bus.dispatch(new CartCommand.Add("1", "a", 1)).version()).isEqualTo(2);
    }

    @Test
    void aSnapshotPolicyWithoutAStoreFailsAtBuild() {
        assertThatThrownBy(() -> CommandBus.builder(store)
                .register(CartCommand.class, new CartDecider(), SnapshotPolicy.everyNEvents(3), CartDecider.State.class)
                .build()).hasMessageContaining("no snapshotStore");
    }

    @Test
    void queriesGoToTheirOneHandler() {
        record CountItems(String cartId) implements Query<Integer> {
        }
        QueryBus queries = QueryBus.builder().register(CountItems.class, q -> q.cartId().length()).build();
        int n = queries.ask(new CountItems("abc"));
        assertThat(n).isEqualTo(3);
        assertThatThrownBy(() -> QueryBus.builder().register(CountItems.class, q -> 1)
                .register(CountItems.class, q -> 2)).hasMessageContaining("Duplicate handler for query");
    }
}
