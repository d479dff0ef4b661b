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
     * @param healthy whether the checked thing is healthy (serving); a degraded one is
     * @param detail a short explanation for operators, or {@code null}
     * @param degraded whether it serves with something an operator should look at (a projection parked events);
     *        only when {@code healthy}
     */
    record Result(boolean healthy, String detail, boolean degraded) {
        private static final Result UP = new Result(true, null);

        /** Checks that only a healthy result is degraded. */
        public Result {
            if (degraded && !healthy) {
                throw new IllegalArgumentException("a result that is down cannot also be degraded");
            }
        }

        /**
         * @param healthy whether the checked thing is healthy
         * @param detail a short explanation, or {@code null}
         */
        public Result(boolean healthy, String detail) {
            this(healthy, detail, false);
        }

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
         * @param detail what an operator should look at; required
         * @return a result that is healthy (the service stays ready, probes answer 200) but reported as
         *         {@code DEGRADED}
         */
        public static Result degraded(String detail) {
            return new Result(true, Objects.requireNonNull(detail, "detail"), true);
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
