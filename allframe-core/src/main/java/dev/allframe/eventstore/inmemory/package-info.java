/** The in-memory event store backend: for tests and for runs that need nothing durable. */
package dev.allframe.eventstore.inmemory;
