package dev.allframe.jdbc;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandHandler;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.saga.SagaDefinition;
import dev.allframe.saga.SagaManager;
import dev.allframe.saga.SagaState;
import dev.allframe.saga.SagaStep;
import dev.allframe.testkit.eventstore.SampleEvent;
import dev.allframe.testkit.eventstore.SampleEvent.Deposited;
import dev.allframe.testkit.eventstore.SampleEvent.Withdrawn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A saga interrupted by a process restart continues from its durable state, checkpoint and events. */
class SagaRestartOnSqliteTest {
    @TempDir
    Path dir;

    /** Sends a deposit on to savings: withdraw it here (a command), then record the transfer. */
    record Withdraw(String account, long amount) implements Command {
        @Override
        public String streamId() {
            return "acc-" + account;
        }
    }

    final List<String> log = new CopyOnWriteArrayList<>();

    /** Everything one process builds at start-up over the durable stores. */
    final class Process implements AutoCloseable {
        final JdbcStores stores;
        final EventStore<SampleEvent> events;
        final SagaManager<SampleEvent> saga;
        final ProjectionRegistry<SampleEvent> registry;

        Process(String url) {
            stores = JdbcStores.open(url);
            events = EventStore.create(stores.events(), SampleEvent.types());
            CommandBus<SampleEvent> bus = CommandBus.builder(events)
                    .register(Withdraw.class, (CommandHandler<Withdraw, SampleEvent>) c -> {
                        log.add("withdraw " + c.account());
                        return List.of(new Withdrawn(c.account(), c.amount()));
                    }).build();
            SagaDefinition<SampleEvent> sweep = SagaDefinition.<SampleEvent>builder("sweep")
                    .startedBy(Deposited.class, Deposited::account,
                            (e, ctx) -> ctx.put("amount", Long.toString(e.amount())))
                    .step(SagaStep.<SampleEvent>builder("withdraw")
                            .action(ctx -> bus.dispatch(new Withdraw(ctx.sagaId(),
                                    Long.parseLong(ctx.get("amount").orElseThrow()))))
                            .awaitSuccess(Withdrawn.class, Withdrawn::account)
                            .build())
                    .step(SagaStep.<SampleEvent>builder("record")
                            .action(ctx -> log.add("recorded " + ctx.sagaId() + " " + ctx.get("amount").orElseThrow()))
                            .build())
                    .build();
            saga = SagaManager.create(sweep, stores.sagas(), Clock.systemUTC());
            registry = ProjectionRegistry.builder(events, stores.checkpoints()).register(saga.name(), saga).build();
        }

        @Override
        public void close() {
            registry.close();
            stores.close();
        }
    }

    @Test
    void aNewProcessOverTheSameSqliteFileContinuesASagaMidWay() {
        String url = "sqlite:" + dir.resolve("saga.db");
        try (Process first = new Process(url)) {
            first.events.append("acc-ann", List.of(new Deposited("ann", 70, "EUR")), ExpectedVersion.noStream());
            first.registry.catchUp(); // handles the deposit; its action appends Withdrawn, not yet delivered
            assertThat(first.saga.state("ann")).get().extracting(SagaState::phase)
                    .isEqualTo(SagaState.Phase.AWAITING);
        } // the process stops here, mid-saga

        try (Process second = new Process(url)) {
            assertThat(second.saga.recover()).isZero();
            second.registry.catchUp();
            assertThat(second.saga.state("ann")).get().extracting(SagaState::status)
                    .isEqualTo(SagaState.Status.COMPLETED);
            assertThat(second.events.read("acc-ann")).hasSize(2);
        }
        assertThat(log).containsExactly("withdraw ann", "recorded ann 70");
    }
}
