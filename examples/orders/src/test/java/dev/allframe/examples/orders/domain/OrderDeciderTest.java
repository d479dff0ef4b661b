package dev.allframe.examples.orders.domain;

import dev.allframe.cqrs.CommandException;
import dev.allframe.examples.orders.domain.OrderCommand.AddItem;
import dev.allframe.examples.orders.domain.OrderCommand.CreateOrder;
import dev.allframe.examples.orders.domain.OrderCommand.SubmitOrder;
import dev.allframe.examples.orders.domain.OrderEvent.ItemAdded;
import dev.allframe.examples.orders.domain.OrderEvent.OrderCreated;
import dev.allframe.examples.orders.domain.OrderEvent.OrderSubmitted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given events, when a command, then events or a rejection: the decider needs no store. */
class OrderDeciderTest {
    private final OrderDecider decider = new OrderDecider();

    private OrderDecider.State given(OrderEvent... events) {
        OrderDecider.State s = decider.initialState();
        for (OrderEvent e : events) {
            s = decider.evolve(s, e);
        }
        return s;
    }

    @Test
    void createsAnOrderOnce() {
        assertThat(decider.decide(new CreateOrder("o1", "ann"), given()))
                .containsExactly(new OrderCreated("o1", "ann"));
        assertThatThrownBy(() -> decider.decide(new CreateOrder("o1", "ann"), given(new OrderCreated("o1", "ann"))))
                .isInstanceOf(CommandException.class).hasMessage("Order o1 already exists");
    }

    @Test
    void addsItemsToAnOpenOrder() {
        assertThat(decider.decide(new AddItem("o1", "apple", 2, 150L), given(new OrderCreated("o1", "ann"))))
                .containsExactly(new ItemAdded("o1", "apple", 2, 150));
    }

    @Test
    void refusesToAddToASubmittedOrderAsAConflict() {
        OrderDecider.State submitted = given(new OrderCreated("o1", "ann"), new ItemAdded("o1", "a", 1, 1),
                new OrderSubmitted("o1"));
        assertThatThrownBy(() -> decider.decide(new AddItem("o1", "pear", 1, 1L), submitted))
                .isInstanceOfSatisfying(CommandException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CommandException.Kind.CONFLICT);
                    assertThat(e.getMessage()).contains("already submitted");
                });
        assertThatThrownBy(() -> decider.decide(new SubmitOrder("o1"), submitted))
                .hasMessageContaining("already submitted");
    }

    @Test
    void refusesToSubmitAnEmptyOrderAsUnprocessable() {
        assertThatThrownBy(() -> decider.decide(new SubmitOrder("o1"), given(new OrderCreated("o1", "ann"))))
                .isInstanceOfSatisfying(CommandException.class,
                        e -> assertThat(e.kind()).isEqualTo(CommandException.Kind.UNPROCESSABLE));
    }

    @Test
    void commandsForAnUnknownOrderAreNotFound() {
        assertThatThrownBy(() -> decider.decide(new AddItem("nope", "a", 1, 1L), given()))
                .isInstanceOf(OrderNotFoundException.class).hasMessage("No order nope");
        assertThat(decider.decide(new SubmitOrder("o1"), given(new OrderCreated("o1", "a"),
                new ItemAdded("o1", "a", 1, 1)))).isEqualTo(List.of(new OrderSubmitted("o1")));
    }
}
