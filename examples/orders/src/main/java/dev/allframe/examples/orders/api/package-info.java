/**
 * The Orders HTTP API over CQRS: {@link dev.allframe.examples.orders.api.OrdersModule} wires the event store
 * (SQLite by default), the command bus, the order-summary projection and the routes.
 */
package dev.allframe.examples.orders.api;
