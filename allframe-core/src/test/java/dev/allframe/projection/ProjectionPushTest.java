package dev.allframe.projection;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.Metadata;
import dev.allframe.eventstore.StoredEvent;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionPushTest {
    private final EventStore<CartEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), CartEvent.types());
    private final CheckpointStore checkpoints = CheckpointStore.inMemory();

    private static StoredEvent<CartEvent> event(long position) {
        return new StoredEvent<>("cart-1", position, position, "CartOpened", new CartEvent.CartOpened("1", "o"),
                Metadata.empty(), Instant.parse("2026-11-27T06:00:00Z"));
    }

    @Test
    void pushedEventsReachEveryProjectionInOrderWithoutTouchingCheckpoints() {
        var a = new ProjectionRegistryTest.Recorder();
        var b = new ProjectionRegistryTest.Recorder();
        var reg = ProjectionRegistry.builder(store, checkpoints).register("a", a).register("b", b).build();
        reg.push(event(7));
        reg.push(event(3));
        assertThat(a.seen).containsExactly(7L, 3L);
        assertThat(b.seen).containsExactly(7L, 3L);
        assertThat(checkpoints.load("a")).isZero();
    }

    @Test
    void aFailingProjectionIsNamedAndLaterProjectionsDoNotGetTheEvent() {
        var a = new ProjectionRegistryTest.Recorder();
        a.failOn = 4;
        var b = new ProjectionRegistryTest.Recorder();
        var reg = ProjectionRegistry.builder(store, checkpoints).register("a", a).register("b", b).build();
        assertThatThrownBy(() -> reg.push(event(4)))
                .isInstanceOf(ProjectionPushException.class)
                .hasMessageContaining("Projection 'a' failed on event 'CartOpened' of stream 'cart-1' version 4")
                .satisfies(e -> assertThat(((ProjectionPushException) e).projection()).isEqualTo("a"));
        assertThat(b.seen).isEmpty();
    }

    @Test
    void refusesToPushIntoALiveRegistry() {
        var reg = ProjectionRegistry.builder(store, checkpoints).register("a", new ProjectionRegistryTest.Recorder())
                .pollInterval(Duration.ofMillis(50)).build();
        reg.start();
        try {
            assertThatThrownBy(() -> reg.push(event(1))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("running live");
        } finally {
            reg.close();
        }
    }

    private static dev.allframe.eventstore.RecordedEvent recorded(long version, String type, String json) {
        return new dev.allframe.eventstore.RecordedEvent("cart-1", version, 0, type,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Metadata.empty(),
                Instant.parse("2026-11-27T06:00:00Z"));
    }

    private static final String OPENED = "{\"cartId\":\"1\",\"owner\":\"o\"}";

    @Test
    void aPushedEventAProjectionCannotApplyIsParkedForItAndTheOthersStillGetIt() {
        var a = new ProjectionRegistryTest.Recorder();
        a.failOn = 0; // every pushed record: DynamoDB streams mode has no global position
        var b = new ProjectionRegistryTest.Recorder();
        DeadLetterStore dead = DeadLetterStore.inMemory();
        var reg = ProjectionRegistry.builder(store, checkpoints).deadLetters(dead).register("a", a).register("b", b)
                .build();
        reg.push(recorded(1, "CartOpened", OPENED));
        reg.push(recorded(2, "Vanished", "{}"));
        assertThat(b.seen).containsExactly(0L);
        assertThat(dead.list("a")).extracting(ParkedEvent::version).containsExactly(1L, 2L);
        assertThat(dead.list("b")).singleElement().satisfies(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.errorMessage()).contains("Unknown event type 'Vanished'");
        });
        assertThat(reg.status("a").parked()).isEqualTo(2);
    }

    @Test
    void aPushedEventThatFailsTransientlyPastTheRetriesOrUnderPolicyStopIsLeftToTheSource() {
        var reg = ProjectionRegistry.builder(store, checkpoints).backoff(new Backoff(2, Duration.ZERO, Duration.ZERO))
                .register("flaky", e -> {
                    throw new java.io.UncheckedIOException(new java.io.IOException("connection reset"));
                }).build();
        assertThatThrownBy(() -> reg.push(recorded(1, "CartOpened", OPENED)))
                .isInstanceOf(ProjectionPushException.class).hasMessageContaining("connection reset");
        assertThat(reg.status("flaky").parked()).isZero();

        var a = new ProjectionRegistryTest.Recorder();
        a.failOn = 0;
        var strict = ProjectionRegistry.builder(store, checkpoints).register("a", a, FailurePolicy.STOP).build();
        assertThatThrownBy(() -> strict.push(recorded(1, "CartOpened", OPENED)))
                .isInstanceOf(ProjectionPushException.class)
                .hasMessageContaining("Projection 'a' failed on event 'CartOpened' of stream 'cart-1' version 1");
        assertThat(strict.status("a").parked()).isZero();
    }
}
