/**
 * The event store: a typed {@link dev.allframe.eventstore.EventStore} over a byte-level
 * {@link dev.allframe.eventstore.EventStoreBackend} SPI, optimistic concurrency through
 * {@link dev.allframe.eventstore.ExpectedVersion}, stable event type names
 * ({@link dev.allframe.eventstore.EventTypes}) and {@link dev.allframe.eventstore.Upcaster}s applied on read.
 */
package dev.allframe.eventstore;
