package dev.allframe.cqrs;

import dev.allframe.eventstore.EventStore;
import dev.allframe.eventstore.inmemory.InMemoryEventStoreBackend;
import dev.allframe.testdomain.CartEvent;
import dev.allframe.testdomain.Restock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConstraintValidationTest {
    /** No constraints generated for it: registering {@link Validators#constraints()} for it is a build fault. */
    record Undeclared(String cartId) implements Command {
        @Override
        public String streamId() {
            return "cart-" + cartId;
        }
    }

    private final InMemoryEventStoreBackend backend = InMemoryEventStoreBackend.create();
    private final EventStore<CartEvent> store = EventStore.create(backend, CartEvent.types());

    private CommandBus<CartEvent> bus() {
        CommandHandler<Restock, CartEvent> restock = c -> List.of(new CartEvent.ItemAdded(c.cartId(), c.sku(), c.qty()));
        return CommandBus.builder(store)
                .register(Restock.class, restock)
                .validator(Restock.class, Validators.constraints())
                .build();
    }

    @Test
    void aValidCommandIsDispatched() {
        CommandResult<CartEvent> r = bus().dispatch(new Restock("1", "apple", 3));
        assertThat(r.version()).isEqualTo(1);
    }

    @Test
    void everyViolatedConstraintIsAFieldErrorInFieldOrderAndNothingIsAppended() {
        assertThatThrownBy(() -> bus().dispatch(new Restock("1", " ", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("qty", "must not be null"),
                        new FieldError("sku", "must not be blank")));
        assertThat(store.version("cart-1")).isZero();
    }

    @Test
    void rangesNameTheBound() {
        assertThatThrownBy(() -> bus().dispatch(new Restock("1", "apple", 1001)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("qty", "must be less than or equal to 1000")));
        assertThatThrownBy(() -> bus().dispatch(new Restock("1", "apple", 0)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("qty", "must be greater than or equal to 1")));
    }

    @Test
    void aTypeWithoutGeneratedConstraintsIsABuildFaultNamingTheTypeAndTheFix() {
        assertThatThrownBy(() -> Validators.constraints().validate(new Undeclared("1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Undeclared.class.getName())
                .hasMessageContaining("avaje-validator-generator");
    }
}
