package dev.allframe.saga;

import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandHandler;
import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.ExpectedVersion;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.DeadLetterStore;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.testdomain.ShopEvent;
import dev.allframe.testdomain.ShopEvent.OrderPlaced;
import dev.allframe.testdomain.ShopEvent.PaymentTaken;
import dev.allframe.testdomain.ShopEvent.ReleaseStock;
import dev.allframe.testdomain.ShopEvent.ReserveStock;
import dev.allframe.testdomain.ShopEvent.StockRejected;
import dev.allframe.testdomain.ShopEvent.StockReserved;
import dev.allframe.testdomain.ShopEvent.TakePayment;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SagaManagerTest {
    /** A clock the test moves by hand: timeouts without sleeping. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final EventStore<ShopEvent> store = EventStore.create(InMemoryEventStoreBackend.create(), ShopEvent.types());
    final CheckpointStore checkpoints = CheckpointStore.inMemory();
    final SagaStore sagas = SagaStore.inMemory();
    final MutableClock clock = new MutableClock();
    final List<String> log = new CopyOnWriteArrayList<>();
    volatile boolean stockAvailable = true;
    volatile boolean paymentAnswers = true;
    volatile boolean shippingWorks = true;

    final CommandBus<ShopEvent> bus = CommandBus.builder(store)
            .register(ReserveStock.class, (CommandHandler<ReserveStock, ShopEvent>) c -> {
                log.add("reserve " + c.orderId());
                return List.of(stockAvailable ? new StockReserved(c.orderId()) : new StockRejected(c.orderId()));
            })
            .register(ReleaseStock.class, (CommandHandler<ReleaseStock, ShopEvent>) c -> {
                log.add("release " + c.orderId());
                return List.of(new ShopEvent.StockReleased(c.orderId()));
            })
            .register(TakePayment.class, (CommandHandler<TakePayment, ShopEvent>) c -> {
                log.add("pay " + c.orderId());
                return paymentAnswers ? List.of(new PaymentTaken(c.orderId())) : List.of();
            })
            .build();

    SagaDefinition<ShopEvent> fulfil() {
        return SagaDefinition.<ShopEvent>builder("fulfil")
                .startedBy(OrderPlaced.class, OrderPlaced::orderId, (e, ctx) -> ctx.put("placed", "yes"))
                .step(SagaStep.<ShopEvent>builder("reserve-stock")
                        .action(ctx -> bus.dispatch(new ReserveStock(ctx.sagaId())))
                        .awaitSuccess(StockReserved.class, StockReserved::orderId)
                        .awaitFailure(StockRejected.class, StockRejected::orderId)
                        .timeout(Duration.ofMinutes(5))
                        .compensation(ctx -> bus.dispatch(new ReleaseStock(ctx.sagaId())))
                        .build())
                .step(SagaStep.<ShopEvent>builder("take-payment")
                        .action(ctx -> bus.dispatch(new TakePayment(ctx.sagaId())))
                        .awaitSuccess(PaymentTaken.class, PaymentTaken::orderId)
                        .timeout(Duration.ofMinutes(10))
                        .compensation(ctx -> log.add("refund " + ctx.sagaId()))
                        .build())
                .step(SagaStep.<ShopEvent>builder("ship")
                        .action(ctx -> {
                            if (!shippingWorks) {
                                throw new IllegalStateException("no courier");
                            }
                            log.add("ship " + ctx.sagaId() + " placed=" + ctx.get("placed").orElse("?"));
                        })
                        .build())
                .build();
    }

    /** A registry around a fresh manager, as a freshly started process would build it. */
    ProjectionRegistry<ShopEvent> process(SagaManager<ShopEvent> manager) {
        return ProjectionRegistry.builder(store, checkpoints).register(manager.name(), manager).build();
    }

    /** Delivers events until no more arrive (actions append new events while being delivered). */
    static void drain(ProjectionRegistry<ShopEvent> registry) {
        long before;
        long after = -1;
        do {
            before = after;
            ProjectionStatus s = registry.catchUp().get(0);
            assertThat(s.error()).isNull();
            after = s.position();
        } while (after != before);
    }

    void place(String orderId) {
        store.append("order-" + orderId, List.of(new OrderPlaced(orderId)), ExpectedVersion.noStream());
    }

    @Test
    void anEventTheSagaCannotHandleIsParkedAndOtherInstancesGoOn() {
        SagaDefinition<ShopEvent> picky = SagaDefinition.<ShopEvent>builder("fulfil")
                .startedBy(OrderPlaced.class, OrderPlaced::orderId, (e, ctx) -> {
                    if (e.orderId().startsWith("bad")) {
                        throw new IllegalArgumentException("order " + e.orderId() + " has no customer");
                    }
                })
                .step(SagaStep.<ShopEvent>builder("reserve-stock")
                        .action(ctx -> bus.dispatch(new ReserveStock(ctx.sagaId())))
                        .awaitSuccess(StockReserved.class, StockReserved::orderId)
                        .build())
                .build();
        SagaManager<ShopEvent> m = SagaManager.create(picky, sagas, clock);
        place("bad-1");
        place("o2");
        DeadLetterStore dead = DeadLetterStore.inMemory();
        drain(ProjectionRegistry.builder(store, checkpoints).deadLetters(dead).register(m.name(), m).build());
        assertThat(m.state("o2")).get().extracting(SagaState::status).isEqualTo(SagaState.Status.COMPLETED);
        assertThat(m.state("bad-1")).isEmpty();
        assertThat(dead.list("fulfil")).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo("order-bad-1");
            assertThat(p.errorMessage()).isEqualTo("order bad-1 has no customer");
        });
    }

    @Test
    void runsEveryStepWhenRepliesSucceed() {
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o1");
        drain(process(m));
        assertThat(log).containsExactly("reserve o1", "pay o1", "ship o1 placed=yes");
        assertThat(m.state("o1")).get().extracting(SagaState::status).isEqualTo(SagaState.Status.COMPLETED);
    }

    @Test
    void compensatesCompletedStepsInReverseWhenALaterStepFails() {
        shippingWorks = false;
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o2");
        drain(process(m));
        assertThat(log).containsExactly("reserve o2", "pay o2", "refund o2", "release o2");
        SagaState s = m.state("o2").orElseThrow();
        assertThat(s.status()).isEqualTo(SagaState.Status.COMPENSATED);
        assertThat(s.error()).contains("step 'ship' failed", "no courier");
    }

    @Test
    void aFailureReplyCompensatesOnlyTheStepsBeforeIt() {
        stockAvailable = false;
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o3");
        drain(process(m));
        assertThat(log).containsExactly("reserve o3");
        assertThat(m.state("o3").orElseThrow().status()).isEqualTo(SagaState.Status.COMPENSATED);
    }

    @Test
    void timesOutAnAwaitedStepByTheClockAndCompensates() {
        paymentAnswers = false;
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o4");
        drain(process(m));
        assertThat(m.state("o4").orElseThrow().phase()).isEqualTo(SagaState.Phase.AWAITING);
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertThat(m.checkTimeouts()).isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(m.checkTimeouts()).isEqualTo(1);
        SagaState s = m.state("o4").orElseThrow();
        assertThat(s.status()).isEqualTo(SagaState.Status.COMPENSATED);
        assertThat(s.error()).contains("step 'take-payment' timed out");
        assertThat(log).containsExactly("reserve o4", "pay o4", "release o4");
    }

    @Test
    void periodicTimeoutChecksCompensateWithoutAnyoneCallingThem() throws Exception {
        paymentAnswers = false;
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o8");
        drain(process(m));
        clock.now = clock.now.plus(Duration.ofHours(1));
        try (AutoCloseable checks = m.checkTimeoutsEvery(Duration.ofMillis(10))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (m.state("o8").orElseThrow().status() != SagaState.Status.COMPENSATED
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(m.state("o8").orElseThrow().status()).isEqualTo(SagaState.Status.COMPENSATED);
    }

    @Test
    void aNewProcessOverTheSameStoresContinuesASagaMidWay() {
        paymentAnswers = false;
        place("o5");
        drain(process(SagaManager.create(fulfil(), sagas, clock)));
        assertThat(log).containsExactly("reserve o5", "pay o5");

        // The process dies; later the payment provider's reply lands in the store.
        store.append("payment-o5", List.of(new PaymentTaken("o5")), ExpectedVersion.any());

        SagaManager<ShopEvent> restarted = SagaManager.create(fulfil(), sagas, clock);
        assertThat(restarted.recover()).isZero();
        drain(process(restarted));
        assertThat(log).containsExactly("reserve o5", "pay o5", "ship o5 placed=yes");
        assertThat(restarted.state("o5").orElseThrow().status()).isEqualTo(SagaState.Status.COMPLETED);
    }

    @Test
    void recoverRerunsAnActionAProcessDiedInTheMiddleOf() {
        sagas.save(new SagaState("fulfil", "o6", SagaState.Status.RUNNING, 1, SagaState.Phase.ACTING,
                java.util.Map.of("placed", "yes"), null, null));
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        assertThat(m.recover()).isEqualTo(1);
        assertThat(log).containsExactly("pay o6");
        drain(process(m));
        assertThat(log).containsExactly("pay o6", "ship o6 placed=yes");
    }

    @Test
    void aRepeatedTriggerDoesNotStartASecondInstance() {
        SagaManager<ShopEvent> m = SagaManager.create(fulfil(), sagas, clock);
        place("o7");
        store.append("order-o7-again", List.of(new OrderPlaced("o7")), ExpectedVersion.any());
        drain(process(m));
        assertThat(log).filteredOn(l -> l.startsWith("reserve")).hasSize(1);
    }
}
