package dev.allframe.bench.coldstart;

import dev.allframe.cqrs.FieldError;
import dev.allframe.cqrs.Validators;
import dev.allframe.examples.orders.domain.OrderCommand;

import java.util.List;

/**
 * What declared constraints cost a cold start: a fresh JVM that builds the example's {@code CreateOrder} and, with
 * {@code validate}, checks its constraints once through {@link Validators#constraints()} (Avaje Validator's first
 * use: its bootstrap, message bundle and the generated adapters), or with {@code skip} does not. Timed as whole
 * processes by {@code hyperfine} against each other in one run; class counts with {@code -Xlog:class+load}.
 */
public final class ValidatorFirstUse {
    private ValidatorFirstUse() {
    }

    /**
     * @param args {@code validate} or {@code skip}
     */
    public static void main(String[] args) {
        OrderCommand.CreateOrder command = new OrderCommand.CreateOrder(args.length > 1 ? args[1] : "o-1", "c-1");
        if (args.length > 0 && args[0].equals("validate")) {
            List<FieldError> errors = Validators.constraints().validate(command);
            System.out.println(errors.isEmpty() ? "valid" : errors.toString());
        } else {
            System.out.println(command.orderId());
        }
    }
}
