/**
 * Sagas (process managers): a {@link dev.allframe.saga.SagaDefinition} of steps that send commands and await
 * reply events, run by a {@link dev.allframe.saga.SagaManager} fed from the event store like a projection. State and
 * step are persisted in a {@link dev.allframe.saga.SagaStore} after every transition, so a restarted process
 * continues where the previous one stopped; a failed or timed-out step compensates the completed steps in
 * reverse order.
 */
package dev.allframe.saga;
