package dev.allframe.testdomain;

import dev.allframe.cqrs.Command;

/** Commands of the test cart aggregate. */
public sealed interface CartCommand extends Command {
    /** @return the cart */
    String cartId();

    @Override
    default String streamId() {
        return "cart-" + cartId();
    }

    /** @param cartId the cart @param owner its owner */
    record Open(String cartId, String owner) implements CartCommand {
    }

    /** @param cartId the cart @param sku the item @param qty how many */
    record Add(String cartId, String sku, int qty) implements CartCommand {
    }

    /** @param cartId the cart */
    record CheckOut(String cartId) implements CartCommand {
    }
}
