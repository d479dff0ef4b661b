package dev.allframe.cqrs;

import io.avaje.validation.ConstraintViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Factories of {@link Validator}s.
 *
 * <p>The usual one is {@link #constraints()}: the constraints declared on the command type itself, so a command is
 * checked the same way whichever door it came through (HTTP, SQS, SNS, EventBridge, S3, the CLI):
 *
 * <pre>{@code
 * @Valid @Json
 * record AddItem(@NotBlank String orderId, @NotBlank String sku,
 *                @NotNull @Min(1) @Max(1000) Integer quantity,
 *                @NotNull @PositiveOrZero Long unitPriceCents) implements OrderCommand { }
 * }</pre>
 *
 * The annotations are Avaje Validator's ({@code io.avaje.validation.constraints}; the Jakarta Validation ones work
 * too). The container generated from {@code @AllFrameApplication} registers a check for every command type marked
 * {@code @Valid}: plain code it writes itself for the common constraints ({@code NotNull}, {@code NotBlank},
 * {@code NotEmpty}, {@code Min}, {@code Max}, {@code Positive}, {@code PositiveOrZero}, {@code Negative},
 * {@code NegativeOrZero}), so no validation library starts up on a cold start, and {@link #constraints()} for a
 * type with any other constraint, whose validators {@code avaje-validator-generator} on the annotation processor path
 * generates at build time (no reflection). With a bus built by hand, register it yourself:
 * {@code CommandBus.builder(store).validator(AddItem.class, Validators.constraints())}. A number that must
 * be present is declared boxed ({@code Integer}, {@code Long}) with {@code @NotNull}: a missing primitive would read
 * as 0.
 */
public final class Validators {
    private Validators() {
    }

    /**
     * @return a validator checking the constraints declared on the command's type, with English messages
     *         ({@code unitPriceCents: must not be null}); a type without generated constraints fails with an
     *         {@link IllegalStateException} naming it and the fix (a fault of the build, not of the command)
     */
    public static Validator<Object> constraints() {
        return ConstraintValidator.INSTANCE;
    }

    /** Avaje's validator, built on first use (none of its classes load until a command declares constraints). */
    private static final class ConstraintValidator implements Validator<Object> {
        static final ConstraintValidator INSTANCE = new ConstraintValidator();

        private volatile Built built;

        @Override
        public List<FieldError> validate(Object command) {
            Set<ConstraintViolation> violations;
            try {
                violations = avaje(command.getClass()).check(command, Locale.ENGLISH);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalStateException("No generated constraint validator for "
                        + command.getClass().getName() + " (" + e.getMessage() + "): mark it @Valid and put"
                        + " io.avaje:avaje-validator-generator on the annotation processor path", e);
            }
            if (violations.isEmpty()) {
                return List.of();
            }
            List<FieldError> errors = new ArrayList<>(violations.size());
            for (ConstraintViolation v : violations) {
                errors.add(new FieldError(v.path(), v.message()));
            }
            // A Set has no stable order; clients and tests read the errors in field order.
            errors.sort(ByField.INSTANCE);
            return errors;
        }

        /** A named class rather than a method-reference chain: no class spun up at run time on a cold start. */
        private static final class ByField implements java.util.Comparator<FieldError> {
            static final ByField INSTANCE = new ByField();

            @Override
            public int compare(FieldError a, FieldError b) {
                int byField = a.field().compareTo(b.field());
                return byField != 0 ? byField : a.message().compareTo(b.message());
            }
        }

        private io.avaje.validation.Validator avaje(Class<?> type) {
            Built b = built;
            ClassLoader loader = type.getClassLoader();
            if (b == null || b.loader != loader) {
                // The generated validators are found through ServiceLoader in the application's class loader,
                // which is not always this one (a runtime or a CLI may load the application apart); one
                // application per loader, so one validator is kept, for the loader seen last.
                // addLocales is what makes Avaje build one for this loader: without a "customisation" its
                // builder hands back a default built once for the loader it was first used from.
                b = new Built(loader, io.avaje.validation.Validator.builder().classLoader(loader)
                        .setDefaultLocale(Locale.ENGLISH).addLocales(Locale.ENGLISH).build());
                built = b;
            }
            return b.validator;
        }

        private record Built(ClassLoader loader, io.avaje.validation.Validator validator) {
        }
    }
}
