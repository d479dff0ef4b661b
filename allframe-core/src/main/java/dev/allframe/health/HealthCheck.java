package dev.allframe.health;

import java.util.Objects;

/**
 * One probe of a dependency or of the process itself. A check may block briefly (it runs on a virtual thread);
 * it reports trouble by returning {@link Result#down(String)} or by throwing.
 */
@FunctionalInterface
public interface HealthCheck {
    /**
     * Probes once.
     *
     * @return the outcome
     * @throws Exception any failure, reported as down with the exception's type and message (never its stack)
     */
    Result check() throws Exception;

    /**
     * The outcome of one check.
     *
     * @param healthy whether the checked thing is healthy
     * @param detail a short explanation for operators, or {@code null}
     */
    record Result(boolean healthy, String detail) {
        private static final Result UP = new Result(true, null);

        /** @return a healthy result without detail */
        public static Result up() {
            return UP;
        }

        /**
         * @param detail a short explanation
         * @return a healthy result
         */
        public static Result up(String detail) {
            return new Result(true, detail);
        }

        /**
         * @param detail what is wrong; required so an operator sees why
         * @return an unhealthy result
         */
        public static Result down(String detail) {
            return new Result(false, Objects.requireNonNull(detail, "detail"));
        }
    }
}
