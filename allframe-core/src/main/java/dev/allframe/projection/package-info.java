/**
 * Projections (read models) fed from the global event order: {@link dev.allframe.projection.ProjectionRegistry}
 * (the control API), one {@link dev.allframe.projection.ProjectionWorker} per projection, and checkpoints kept by
 * a {@link dev.allframe.projection.CheckpointStore}. A projection that fails stops at the failing event.
 */
package dev.allframe.projection;
