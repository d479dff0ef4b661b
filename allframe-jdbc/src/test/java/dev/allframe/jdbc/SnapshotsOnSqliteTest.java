package dev.allframe.jdbc;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.Decider;
import dev.allframe.eventstore.EventStore;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotPolicy;
import dev.allframe.testkit.eventstore.SampleEvent;
import dev.allframe.testkit.eventstore.SampleEvent.Deposited;
import dev.allframe.testkit.eventstore.SampleEvent.Withdrawn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command bus snapshots to the SQLite table and, after a restart, loads from it before later events. */
class SnapshotsOnSqliteTest {
    @TempDir
    Path dir;

    /** Moves money; a withdrawal may not overdraw. */
    record Move(String account, long amount) implements Command {
        @Override
        public String streamId() {
            return "acc-" + account;
        }
    }

    /** The account's balance. */
    static final class Account implements Decider<Move, Long, SampleEvent> {
        @Override
        public Long initialState() {
            return 0L;
        }

        @Override
        public List<SampleEvent> decide(Move m, Long balance) {
            if (m.amount() < 0 && balance + m.amount() < 0) {
                throw CommandException.conflict("balance " + balance + " cannot cover " + -m.amount());
            }
            return List.of(m.amount() >= 0 ? new Deposited(m.account(), m.amount(), "EUR")
                    : new Withdrawn(m.account(), -m.amount()));
        }

        @Override
        public Long evolve(Long balance, SampleEvent e) {
            return switch (e) {
                case Deposited d -> balance + d.amount();
                case Withdrawn w -> balance - w.amount();
            };
        }
    }

    private static CommandBus<SampleEvent> bus(JdbcStores stores) {
        return CommandBus.builder(EventStore.create(stores.events(), SampleEvent.types()))
                .snapshotStore(stores.snapshots())
                .register(Move.class, new Account(), SnapshotPolicy.everyNEvents(5), Long.class)
                .build();
    }

    @Test
    void loadsTheLatestSnapshotThenLaterEventsAfterARestart() {
        String url = "sqlite:" + dir.resolve("snap.db");
        try (JdbcStores stores = JdbcStores.open(url)) {
            CommandBus<SampleEvent> bus = bus(stores);
            for (int i = 0; i < 12; i++) {
                bus.dispatch(new Move("a", 10));
            }
            Snapshot s = stores.snapshots().load("acc-a").orElseThrow();
            assertThat(s.version()).isEqualTo(10);
            assertThat(new String(s.payload(), StandardCharsets.UTF_8)).isEqualTo("100");
        }
        try (JdbcStores stores = JdbcStores.open(url)) {
            assertThat(bus(stores).dispatch(new Move("a", -100)).version()).isEqualTo(13); // balance 20
            // A snapshot claiming a zero balance at version 13: loading must start from it, not replay from event 1.
            stores.snapshots().save(new Snapshot("acc-a", 13, "0".getBytes(StandardCharsets.UTF_8), Instant.now()));
            assertThatThrownBy(() -> bus(stores).dispatch(new Move("a", -1)))
                    .hasMessage("balance 0 cannot cover 1");
        }
    }
}
