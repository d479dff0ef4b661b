package dev.allframe.testdomain;

import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.Decider;
import io.avaje.jsonb.Json;

import java.util.List;

/** The test cart aggregate. */
public final class CartDecider implements Decider<CartCommand, CartDecider.State, CartEvent> {
    /** @param open whether opened @param items item count @param checkedOut whether checked out */
    @Json
    public record State(boolean open, int items, boolean checkedOut) {
    }

    @Override
    public State initialState() {
        return new State(false, 0, false);
    }

    @Override
    public List<CartEvent> decide(CartCommand command, State state) {
        return switch (command) {
            case CartCommand.Open o -> {
                if (state.open()) {
                    throw CommandException.conflict("cart " + o.cartId() + " is already open");
                }
                yield List.of(new CartEvent.CartOpened(o.cartId(), o.owner()));
            }
            case CartCommand.Add a -> {
                requireOpen(state, a.cartId());
                yield List.of(new CartEvent.ItemAdded(a.cartId(), a.sku(), a.qty()));
            }
            case CartCommand.CheckOut c -> {
                requireOpen(state, c.cartId());
                yield List.of(new CartEvent.CheckedOut(c.cartId()));
            }
        };
    }

    private static void requireOpen(State state, String cartId) {
        if (!state.open()) {
            throw CommandException.unprocessable("cart " + cartId + " does not exist");
        }
        if (state.checkedOut()) {
            throw CommandException.conflict("cart " + cartId + " is checked out");
        }
    }

    @Override
    public State evolve(State state, CartEvent event) {
        return switch (event) {
            case CartEvent.CartOpened o -> new State(true, 0, false);
            case CartEvent.ItemAdded a -> new State(true, state.items() + a.qty(), state.checkedOut());
            case CartEvent.CheckedOut c -> new State(true, state.items(), true);
        };
    }
}
