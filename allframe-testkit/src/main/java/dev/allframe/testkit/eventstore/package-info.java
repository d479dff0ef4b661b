/**
 * The event-store conformance kit: {@link dev.allframe.testkit.eventstore.EventStoreBackendContract}, one abstract
 * JUnit 5 suite that every backend's test extends, with its sample events.
 */
package dev.allframe.testkit.eventstore;
