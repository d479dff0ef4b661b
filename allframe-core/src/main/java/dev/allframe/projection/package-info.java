/**
 * Projections (read models) fed from the global event order: {@link dev.allframe.projection.ProjectionRegistry}
 * (runs them), one {@link dev.allframe.projection.ProjectionWorker} per projection, and checkpoints kept by
 * a {@link dev.allframe.projection.CheckpointStore}. Failures are isolated: transient ones
 * ({@link dev.allframe.projection.Failures}) are retried with {@link dev.allframe.projection.Backoff}; an event a
 * projection cannot apply is parked in a {@link dev.allframe.projection.DeadLetterStore} and the projection goes on
 * ({@link dev.allframe.projection.FailurePolicy#PARK}, the default), or it stops there
 * ({@link dev.allframe.projection.FailurePolicy#STOP}). Operators list, retry and skip parked events through
 * {@link dev.allframe.projection.ProjectionControl}.
 */
package dev.allframe.projection;
