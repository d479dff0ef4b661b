/** The order-summary read model, fed by a projection. */
package dev.allframe.examples.orders.summary;
