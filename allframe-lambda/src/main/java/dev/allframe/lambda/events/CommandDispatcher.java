package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandResult;
import dev.allframe.eventstore.Metadata;
import dev.allframe.idempotency.Claim;
import dev.allframe.idempotency.IdempotencyStore;

import java.time.Duration;

/**
 * Dispatches a command at most once per message id: claim the key, dispatch, complete; a failed dispatch releases
 * the claim so the retry can take it; a racing delivery that finds the claim held fails (and is retried later), one
 * that finds it completed succeeds without dispatching.
 */
final class CommandDispatcher {
    private static final System.Logger LOG = System.getLogger(CommandDispatcher.class.getName());

    /** What a dispatch came to. */
    enum Outcome {
        DISPATCHED, DUPLICATE
    }

    private final CommandBus<?> bus;
    private final IdempotencyStore store;
    private final Duration lease;
    private final Duration retention;

    CommandDispatcher(CommandBus<?> bus, IdempotencyStore store, Duration lease, Duration retention) {
        this.bus = bus;
        this.store = store;
        this.lease = lease;
        this.retention = retention;
    }

    /**
     * @param key the idempotency key ({@code source:messageId})
     * @param command the command
     * @param metadata stored with its events
     * @return whether it was dispatched now or had been before
     * @throws DeliveryInProgressException if another delivery of the message holds the claim
     * @throws RuntimeException whatever the bus threw (the claim is released)
     */
    Outcome dispatch(String key, Command command, Metadata metadata) {
        if (store == null) {
            bus.dispatch(command, metadata);
            return Outcome.DISPATCHED;
        }
        Claim claim = store.claim(key, lease());
        switch (claim.status()) {
            case COMPLETED -> {
                return Outcome.DUPLICATE;
            }
            case IN_PROGRESS -> throw new DeliveryInProgressException(key);
            default -> {
            }
        }
        CommandResult<?> result;
        try {
            result = bus.dispatch(command, metadata);
        } catch (RuntimeException | Error e) {
            try {
                store.release(claim);
            } catch (RuntimeException releaseFailure) {
                e.addSuppressed(releaseFailure);
            }
            throw e;
        }
        try {
            store.complete(claim, retention);
        } catch (RuntimeException e) {
            // The events are appended: failing now would make the retry append them again once the lease ends.
            LOG.log(System.Logger.Level.ERROR, "Dispatched " + key + " (stream '" + result.streamId() + "' version "
                    + result.version() + ") but could not mark it completed; a redelivery after the lease may"
                    + " dispatch it again", e);
        }
        return Outcome.DISPATCHED;
    }

    /**
     * The claim cannot outlive the invocation holding it: inside Lambda it is cut to the invocation's remaining time
     * (plus a little for clock skew), so a redelivery after a timed-out invocation is not refused for the rest of a
     * long configured lease, which would spend the message's receive count for nothing.
     */
    Duration lease() {
        java.util.Optional<dev.allframe.lambda.LambdaContext> invocation = dev.allframe.lambda.LambdaContext.current();
        if (invocation.isEmpty()) {
            return lease;
        }
        Duration left = invocation.get().remainingTime().plus(CLOCK_SKEW);
        return left.compareTo(lease) < 0 && !left.isNegative() && !left.isZero() ? left : lease;
    }

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(2);

    /** Another delivery of the same message is being processed right now. */
    static final class DeliveryInProgressException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryInProgressException(String key) {
            super("another delivery of " + key + " is being processed; retry later", null, false, false);
        }
    }
}
