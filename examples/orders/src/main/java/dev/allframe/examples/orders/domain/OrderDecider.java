package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.CommandException;
import dev.allframe.cqrs.Decider;
import dev.allframe.examples.orders.domain.OrderCommand.AddItem;
import dev.allframe.examples.orders.domain.OrderCommand.CreateOrder;
import dev.allframe.examples.orders.domain.OrderCommand.SubmitOrder;
import dev.allframe.examples.orders.domain.OrderEvent.ItemAdded;
import dev.allframe.examples.orders.domain.OrderEvent.OrderCreated;
import dev.allframe.examples.orders.domain.OrderEvent.OrderSubmitted;
import dev.allframe.handler.annotation.HandleCommand;
import io.avaje.jsonb.Json;

import java.util.List;

/**
 * The order aggregate's rules: an order is created once, takes items while open, and is submitted once with at
 * least one item; a submitted order cannot change. Its state is snapshotted every 50 events, so an order with a long
 * history loads from its latest snapshot.
 */
@HandleCommand(snapshotEvery = 50)
public final class OrderDecider implements Decider<OrderCommand, OrderDecider.State, OrderEvent> {
    /**
     * What the rules need to know about an order.
     *
     * @param exists whether it was created
     * @param submitted whether it was submitted
     * @param items how many lines it has
     */
    @Json
    public record State(boolean exists, boolean submitted, int items) {
    }

    @Override
    public State initialState() {
        return new State(false, false, 0);
    }

    @Override
    public List<OrderEvent> decide(OrderCommand command, State state) {
        // instanceof, not a pattern switch: the first run of a type switch bootstraps a generated class
        // (SwitchBootstraps), 14-33 ms of a Lambda cold start per two switch sites on our bench machine.
        if (command instanceof CreateOrder c) {
            if (state.exists()) {
                throw CommandException.conflict("Order " + c.orderId() + " already exists");
            }
            return List.of(new OrderCreated(c.orderId(), c.customerId()));
        }
        if (command instanceof AddItem a) {
            requireOpen(a.orderId(), state, "add items to");
            return List.of(new ItemAdded(a.orderId(), a.sku(), a.quantity(), a.unitPriceCents()));
        }
        if (command instanceof SubmitOrder s) {
            requireOpen(s.orderId(), state, "submit");
            if (state.items() == 0) {
                throw CommandException.unprocessable("Order " + s.orderId() + " has no items; add one first");
            }
            return List.of(new OrderSubmitted(s.orderId()));
        }
        throw new IllegalArgumentException("Unknown order command " + command);
    }

    private static void requireOpen(String orderId, State state, String action) {
        if (!state.exists()) {
            throw new OrderNotFoundException(orderId);
        }
        if (state.submitted()) {
            throw CommandException.conflict("Order " + orderId + " is already submitted; cannot " + action + " it");
        }
    }

    @Override
    public State evolve(State state, OrderEvent event) {
        if (event instanceof OrderCreated) {
            return new State(true, false, 0);
        }
        if (event instanceof ItemAdded) {
            return new State(state.exists(), state.submitted(), state.items() + 1);
        }
        if (event instanceof OrderSubmitted) {
            return new State(state.exists(), true, state.items());
        }
        throw new IllegalArgumentException("Unknown order event " + event);
    }
}
