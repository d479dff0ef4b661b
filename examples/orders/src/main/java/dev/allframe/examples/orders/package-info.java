/**
 * The reference application: an Orders service. For now a few HTTP routes over an in-memory map; the CQRS issue
 * replaces {@link dev.allframe.examples.orders.OrderRoutes}' internals with the event-sourced domain.
 */
package dev.allframe.examples.orders;
