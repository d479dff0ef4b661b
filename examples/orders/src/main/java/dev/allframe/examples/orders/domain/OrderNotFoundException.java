package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.CommandException;

/** A command for an order that was never created (answered 404 by the API). */
public final class OrderNotFoundException extends CommandException {
    private static final long serialVersionUID = 1L;

    /** @param orderId the order */
    public OrderNotFoundException(String orderId) {
        super(Kind.UNPROCESSABLE, "No order " + orderId);
    }
}
