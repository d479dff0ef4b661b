package dev.allframe.api;

import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.CommandHandler;
import dev.allframe.cqrs.CommandProblems;
import dev.allframe.cqrs.CommandResult;
import dev.allframe.cqrs.FieldError;
import dev.allframe.cqrs.QueryBus;
import dev.allframe.cqrs.RetryPolicy;
import dev.allframe.cqrs.ValidationException;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.Subscription;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.http.Router;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaManager;
import dev.allframe.saga.SagaStep;
import dev.allframe.saga.SagaStore;
import dev.allframe.snapshot.SnapshotPolicy;
import dev.allframe.snapshot.SnapshotStore;
import dev.allframe.testdomain.CartCommand;
import dev.allframe.testdomain.CartDecider;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the CQRS public API from outside its packages, as a user would: an API break fails compilation here. */
class CqrsPublicApiTest {
    @Test
    void theWholeCqrsApiIsUsableFromUserCode() throws Exception {
        EventStoreBackend backend = InMemoryEventStoreBackend.create();
        EventStore<CartEvent> store = EventStore.create(backend, CartEvent.types());
        SnapshotStore snapshots = SnapshotStore.inMemory();
        CommandBus<CartEvent> bus = CommandBus.builder(store)
                .register(CartCommand.class, new CartDecider(), SnapshotPolicy.everyNEvents(10), CartDecider.State.class)
                .snapshotStore(snapshots)
                .validator(CartCommand.Add.class, c -> c.qty() > 0 ? List.of() : List.of(new FieldError("qty", "> 0")))
                .retryOnConflict(RetryPolicy.attempts(2))
                .build();
        CommandResult<CartEvent> result = bus.dispatch(new CartCommand.Open("1", "ann"), Metadata.of("user", "ann"));
        assertThat(result.events()).extracting(StoredEvent::metadata).containsExactly(Metadata.of("user", "ann"));

        CheckpointStore checkpoints = CheckpointStore.inMemory();
        try (ProjectionRegistry<CartEvent> projections = ProjectionRegistry.builder(store, checkpoints)
                .register("count", e -> { }).pollInterval(Duration.ofMillis(50)).build()) {
            projections.start();
            assertThat(projections.awaitPosition("count", result.lastGlobalPosition(), Duration.ofSeconds(5))).isTrue();
            assertThat(projections.statuses()).extracting(ProjectionStatus::state)
                    .containsExactly(ProjectionStatus.State.RUNNING);
        }

        dev.allframe.projection.DeadLetterStore dead = dev.allframe.projection.DeadLetterStore.inMemory();
        ProjectionRegistry<CartEvent> isolated = ProjectionRegistry.builder(store, CheckpointStore.inMemory())
                .deadLetters(dead).backoff(new dev.allframe.projection.Backoff(2, Duration.ZERO, Duration.ZERO))
                .register("strict", e -> { }, dev.allframe.projection.FailurePolicy.STOP)
                .register("lenient", e -> {
                    throw new IllegalStateException("bug");
                }).build();
        ProjectionStatus lenient = isolated.catchUp().get(1);
        assertThat(lenient.degraded()).isTrue();
        dev.allframe.projection.ProjectionControl control = isolated.control();
        dev.allframe.projection.ParkedEvent parked = control.parked("lenient").get(0);
        assertThat(dead.list("lenient")).containsExactly(parked);
        assertThat(control.retry("lenient").stillParked()).hasSize(1);
        assertThat(control.skip("lenient", parked.streamId(), parked.version())).isTrue();
        assertThat(dev.allframe.projection.Failures.isTransient(new IllegalStateException())).isFalse();
        dev.allframe.projection.ProjectionAdminRoutes.register(Router.builder(), control, "0123456789abcdef");

        SagaDefinition<CartEvent> saga = SagaDefinition.<CartEvent>builder("welcome")
                .startedBy(CartEvent.CartOpened.class, CartEvent.CartOpened::cartId)
                .step(SagaStep.<CartEvent>builder("greet").action(ctx -> ctx.put("greeted", "yes")).build())
                .build();
        SagaManager<CartEvent> manager = SagaManager.create(saga, SagaStore.inMemory(), Clock.systemUTC());
        ProjectionRegistry.builder(store, checkpoints).register(manager.name(), manager).build().catchUp();
        assertThat(manager.state("1").orElseThrow().data()).containsEntry("greeted", "yes");

        try (Subscription s = store.subscribe(1, e -> { })) {
            assertThat(s.awaitPosition(1, Duration.ofSeconds(5))).isTrue();
        }
        QueryBus queries = QueryBus.builder().build();
        Router router = Router.builder().apply(CommandProblems::register).build();
        CommandHandler<CartCommand.Open, CartEvent> handler = c -> List.of();
        assertThat(queries).isNotNull();
        assertThat(router.routes()).isEmpty();
        assertThat(handler.handle(new CartCommand.Open("2", "x"))).isEmpty();
        assertThat(new ValidationException(List.of(new FieldError("f", "m"))).kind())
                .isEqualTo(CommandException.Kind.UNPROCESSABLE);
        assertThat(store.append("cart-9", List.of(new CartEvent.CheckedOut("9")), ExpectedVersion.any())).isEqualTo(1);
    }
}
