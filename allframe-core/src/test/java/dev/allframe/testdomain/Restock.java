package dev.allframe.testdomain;

import dev.allframe.cqrs.Command;
import io.avaje.validation.constraints.Max;
import io.avaje.validation.constraints.Min;
import io.avaje.validation.constraints.NotBlank;
import io.avaje.validation.constraints.NotNull;
import io.avaje.validation.constraints.Valid;

/**
 * A command whose rules are declared once, on its type.
 *
 * @param cartId the cart
 * @param sku the item
 * @param qty how many, 1..1000; required
 */
@Valid
public record Restock(@NotBlank String cartId, @NotBlank String sku, @NotNull @Min(1) @Max(1000) Integer qty)
        implements Command {
    @Override
    public String streamId() {
        return "cart-" + cartId;
    }
}
