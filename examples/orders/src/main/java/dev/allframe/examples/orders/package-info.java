/**
 * The reference application: an Orders service. {@link dev.allframe.examples.orders.OrdersApp} serves the
 * event-sourced API of {@link dev.allframe.examples.orders.api.OrdersModule} (domain in
 * {@code ...orders.domain}, read model in {@code ...orders.summary}) on SQLite by default.
 */
package dev.allframe.examples.orders;
