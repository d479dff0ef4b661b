/**
 * The Orders HTTP API over CQRS: {@link dev.allframe.examples.orders.api.OrdersModule} builds the command
 * bus, the order-summary projection and the routes over the components the generated container injects (the stores
 * from {@link dev.allframe.examples.orders.api.OrdersStores}, SQLite by default).
 */
package dev.allframe.examples.orders.api;
