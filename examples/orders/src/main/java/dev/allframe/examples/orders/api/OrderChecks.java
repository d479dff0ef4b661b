package dev.allframe.examples.orders.api;

import dev.allframe.cqrs.FieldError;
import dev.allframe.cqrs.Validator;
import dev.allframe.examples.orders.domain.OrderCommand.AddItem;
import dev.allframe.examples.orders.domain.OrderCommand.CreateOrder;
import dev.allframe.examples.orders.domain.OrderNotFoundException;
import dev.allframe.http.ErrorHandler;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * The module's validators and its 404 mapping as named classes rather than lambdas: every lambda is a class the JVM
 * spins up at run time on each cold start (and one an AppCDS archive cannot hold when a runtime's own class loader
 * loads the application, as Lambda's managed runtime does), while these load from the jar or the archive.
 */
final class OrderChecks {
    private OrderChecks() {
    }

    /** {@code customerId} is required. */
    static final class CreateOrderCheck implements Validator<CreateOrder> {
        @Override
        public List<FieldError> validate(CreateOrder c) {
            return c.customerId() == null || c.customerId().isBlank()
                    ? List.of(new FieldError("customerId", "is required")) : List.of();
        }
    }

    /** A line needs a SKU, a quantity of 1 to 1000 and a price of at least 0. */
    static final class AddItemCheck implements Validator<AddItem> {
        @Override
        public List<FieldError> validate(AddItem item) {
            List<FieldError> errors = new ArrayList<>();
            if (item.sku() == null || item.sku().isBlank()) {
                errors.add(new FieldError("sku", "is required"));
            }
            if (item.quantity() < 1 || item.quantity() > 1000) {
                errors.add(new FieldError("quantity", "must be between 1 and 1000, was " + item.quantity()));
            }
            if (item.unitPriceCents() < 0) {
                errors.add(new FieldError("unitPriceCents", "must be at least 0, was " + item.unitPriceCents()));
            }
            return errors;
        }
    }

    /** An unknown order is a 404 problem. */
    static final class NotFound implements ErrorHandler<OrderNotFoundException> {
        @Override
        public Response handle(OrderNotFoundException e, Request request) {
            return Response.problem(Problem.of(Status.NOT_FOUND, e.getMessage()));
        }
    }
}
