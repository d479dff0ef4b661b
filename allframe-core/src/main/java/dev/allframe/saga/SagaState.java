package dev.allframe.saga;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The persisted state of one saga instance.
 *
 * @param sagaName the saga definition's name
 * @param sagaId the instance id (the correlation id)
 * @param status where the instance is
 * @param step the current step's index; while compensating, the number of completed steps still to compensate
 * @param phase within a running step: its action is being run, or its reply awaited
 * @param data the instance's key/value data, set by steps
 * @param deadline when the awaited reply times out, or {@code null}
 * @param error why the saga is compensating or failed, or {@code null}
 */
public record SagaState(String sagaName, String sagaId, Status status, int step, Phase phase,
                        Map<String, String> data, Instant deadline, String error) {
    public SagaState {
        Objects.requireNonNull(sagaName, "sagaName");
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(phase, "phase");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A saga instance's status. */
    public enum Status {
        /** Running its steps. */
        RUNNING,
        /** A step failed; undoing completed steps in reverse. */
        COMPENSATING,
        /** Every step completed. */
        COMPLETED,
        /** A step failed and every completed step was compensated. */
        COMPENSATED,
        /** A compensation failed; needs an operator (see {@code error}). */
        FAILED;

        /** @return whether the instance still has work to do */
        public boolean active() {
            return this == RUNNING || this == COMPENSATING;
        }
    }

    /** Within a running step. */
    public enum Phase {
        /** The action is being run (re-run after a restart: actions must be idempotent). */
        ACTING,
        /** The action ran; the reply event is awaited. */
        AWAITING,
        /** Not in a step (finished or compensating). */
        NONE
    }

    SagaState with(Status newStatus, int newStep, Phase newPhase, Map<String, String> newData, Instant newDeadline,
                   String newError) {
        return new SagaState(sagaName, sagaId, newStatus, newStep, newPhase, newData, newDeadline, newError);
    }
}
