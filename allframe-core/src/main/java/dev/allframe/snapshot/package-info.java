/**
 * Snapshots of aggregate state: the {@link dev.allframe.snapshot.SnapshotStore} SPI, its in-memory implementation
 * and the {@link dev.allframe.snapshot.SnapshotPolicy} that decides when the command bus takes one.
 */
package dev.allframe.snapshot;
