package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionRegistryTest {
    private final EventStore<CartEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), CartEvent.types());
    private final CheckpointStore checkpoints = CheckpointStore.inMemory();

    /** Records the positions it saw; can be told to fail on one. */
    static final class Recorder implements Projection<CartEvent> {
        final List<Long> seen = new CopyOnWriteArrayList<>();
        volatile long failOn = -1;
        int resets;

        @Override
        public void apply(StoredEvent<CartEvent> event) {
            if (event.globalPosition() == failOn) {
                throw new IllegalStateException("cannot apply " + event.type());
            }
            seen.add(event.globalPosition());
        }

        @Override
        public void reset() {
            resets++;
            seen.clear();
        }
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            store.append("cart-" + i, List.of(new CartEvent.CartOpened("" + i, "o")), ExpectedVersion.any());
        }
    }

    @Test
    void catchesUpFromThePersistedCheckpoint() {
        append(5);
        checkpoints.save("summary", 2);
        Recorder r = new Recorder();
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints).register("summary", r).build();
        assertThat(reg.catchUp()).singleElement().satisfies(s -> {
            assertThat(s.position()).isEqualTo(5);
            assertThat(s.state()).isEqualTo(ProjectionStatus.State.STOPPED);
        });
        assertThat(r.seen).containsExactly(3L, 4L, 5L);
        assertThat(checkpoints.load("summary")).isEqualTo(5);
    }

    @Test
    void catchUpReadsPastOnePageOfEventsAndStopsAtTheEnd() {
        append(1203); // more than two 500-event pages, ending in a partial one
        Recorder r = new Recorder();
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints).register("p", r).build();
        assertThat(reg.catchUp().get(0).position()).isEqualTo(1203);
        assertThat(r.seen).hasSize(1203).startsWith(1L, 2L).endsWith(1202L, 1203L);
        append(500); // exactly one more full page: the next read comes back empty and ends the catch-up
        assertThat(reg.catchUp().get(0).position()).isEqualTo(1703);
        assertThat(r.seen).hasSize(1703).doesNotHaveDuplicates();
    }

    @Test
    void withPolicyStopCatchUpStopsAtAFailureOnASecondPage() {
        append(620);
        Recorder r = new Recorder();
        r.failOn = 555;
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("p", r, FailurePolicy.STOP).build();
        ProjectionStatus s = reg.catchUp().get(0);
        assertThat(s.state()).isEqualTo(ProjectionStatus.State.FAILED);
        assertThat(s.failedAt()).isEqualTo(555);
        assertThat(s.position()).isEqualTo(554);
        assertThat(r.seen).hasSize(554).endsWith(554L);
    }

    @Test
    void onARegistryThatIsNotStartedAwaitingAPositionCatchesUpOnTheCallingThread() throws Exception {
        append(3);
        Recorder r = new Recorder();
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints).register("summary", r).build();
        assertThat(reg.awaitPosition("summary", 3, Duration.ZERO)).isTrue();
        assertThat(r.seen).containsExactly(1L, 2L, 3L);
        assertThat(reg.status("summary").state()).isEqualTo(ProjectionStatus.State.STOPPED);
        assertThat(reg.awaitPosition("summary", 4, Duration.ZERO)).as("nothing at 4 yet").isFalse();
    }

    @Test
    void awaitAllWaitsForEveryProjectionLiveOrCatchesThemAllUp() throws Exception {
        append(2);
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        ProjectionRegistry<CartEvent> sync = ProjectionRegistry.builder(store, checkpoints)
                .register("a", a).register("b", b).build();
        assertThat(sync.awaitAll(2, Duration.ZERO)).isTrue();
        assertThat(a.seen).containsExactly(1L, 2L);
        assertThat(b.seen).containsExactly(1L, 2L);

        Recorder c = new Recorder();
        Recorder d = new Recorder();
        d.failOn = 2;
        try (ProjectionRegistry<CartEvent> live = ProjectionRegistry.builder(store, CheckpointStore.inMemory())
                .register("c", c).register("d", d, FailurePolicy.STOP).build()) {
            live.start();
            assertThat(live.awaitAll(1, Duration.ofSeconds(5))).isTrue();
            assertThat(live.awaitAll(2, Duration.ofMillis(300))).as("d stops at 2").isFalse();
        }
    }

    @Test
    void aProjectionMayKeepItsCheckpointElsewhereThanTheRegistrysStore() {
        append(2);
        Recorder durable = new Recorder();
        Recorder memory = new Recorder();
        CheckpointStore own = CheckpointStore.inMemory();
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("durable", durable).register("memory", memory, FailurePolicy.PARK, own).build();
        reg.catchUp();
        assertThat(checkpoints.load("durable")).isEqualTo(2);
        assertThat(checkpoints.load("memory")).isEqualTo(0);
        assertThat(own.load("memory")).isEqualTo(2);
    }

    @Test
    void followsLiveEventsAfterCatchingUp() throws Exception {
        append(2);
        Recorder r = new Recorder();
        try (ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("summary", r).build()) {
            reg.start();
            assertThat(reg.awaitPosition("summary", 2, Duration.ofSeconds(5))).isTrue();
            assertThat(reg.status("summary").state()).isEqualTo(ProjectionStatus.State.RUNNING);
            append(3);
            assertThat(reg.awaitPosition("summary", 5, Duration.ofSeconds(5))).isTrue();
        }
        assertThat(r.seen).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(checkpoints.load("summary")).isEqualTo(5);
    }

    @Test
    void withPolicyStopAFailingProjectionStopsAtTheEventWithItsPositionAndNeverSkipsIt() throws Exception {
        append(4);
        Recorder r = new Recorder();
        r.failOn = 3;
        try (ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("summary", r, FailurePolicy.STOP).build()) {
            reg.start();
            assertThat(reg.awaitPosition("summary", 4, Duration.ofSeconds(2))).isFalse();
            ProjectionStatus s = reg.status("summary");
            assertThat(s.state()).isEqualTo(ProjectionStatus.State.FAILED);
            assertThat(s.position()).isEqualTo(2);
            assertThat(s.failedAt()).isEqualTo(3);
            assertThat(s.error()).contains("cannot apply CartOpened");
            assertThat(checkpoints.load("summary")).isEqualTo(2);

            r.failOn = -1; // the bug is fixed: a restart retries the failing event, then continues
            reg.start();
            assertThat(reg.awaitPosition("summary", 4, Duration.ofSeconds(5))).isTrue();
        }
        assertThat(r.seen).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void withPolicyStopAnEventOfAnUnknownTypeStopsTheProjectionThereWithAClearError() throws Exception {
        append(1);
        store.backend().append("cart-x", List.of(new dev.allframe.eventstore.EventData("Vanished",
                "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), null)), ExpectedVersion.any());
        append(1);
        Recorder r = new Recorder();
        try (ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("summary", r, FailurePolicy.STOP).build()) {
            reg.start();
            assertThat(reg.awaitPosition("summary", 3, Duration.ofSeconds(2))).isFalse();
            ProjectionStatus s = reg.status("summary");
            assertThat(s.state()).isEqualTo(ProjectionStatus.State.FAILED);
            assertThat(s.failedAt()).isEqualTo(2);
            assertThat(s.position()).isEqualTo(1);
            assertThat(s.error()).contains("Unknown event type 'Vanished'");
        }
        assertThat(r.seen).containsExactly(1L);
    }

    @Test
    void withPolicyStopCatchUpReportsAFailureWithoutAdvancingPastIt() {
        append(3);
        Recorder r = new Recorder();
        r.failOn = 2;
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("p", r, FailurePolicy.STOP).build();
        ProjectionStatus s = reg.catchUp().get(0);
        assertThat(s.state()).isEqualTo(ProjectionStatus.State.FAILED);
        assertThat(s.failedAt()).isEqualTo(2);
        assertThat(r.seen).containsExactly(1L);
        assertThat(reg.catchUp().get(0).failedAt()).isEqualTo(2);
    }

    @Test
    void rebuildsFromZeroOnRequest() throws Exception {
        append(3);
        Recorder r = new Recorder();
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints).register("p", r).build();
        reg.catchUp();
        reg.rebuild("p", false);
        assertThat(r.resets).isEqualTo(1);
        assertThat(checkpoints.load("p")).isZero();
        reg.catchUp();
        assertThat(r.seen).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aProjectionWithoutResetRefusesToRebuildWithAReason() {
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints)
                .register("p", e -> { }).build();
        assertThatThrownBy(() -> reg.rebuild("p", false)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("implement Projection.reset()");
    }

    @Test
    void rejectsDuplicateAndUnknownNames() {
        assertThatThrownBy(() -> ProjectionRegistry.builder(store, checkpoints).register("p", e -> { })
                .register("p", e -> { })).hasMessageContaining("Duplicate projection name 'p'");
        ProjectionRegistry<CartEvent> reg = ProjectionRegistry.builder(store, checkpoints).register("p", e -> { }).build();
        assertThatThrownBy(() -> reg.status("q")).hasMessageContaining("No projection named 'q'");
    }
}
