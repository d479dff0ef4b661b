/** The order aggregate: commands, events and the {@link dev.allframe.examples.orders.domain.OrderDecider}. */
package dev.allframe.examples.orders.domain;
