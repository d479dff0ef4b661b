package dev.allframe.eventstore;

/**
 * What a writer believes the current version of a stream to be; the append fails with
 * {@link ConcurrencyConflictException} if it is wrong. Versions start at 1 for a stream's first event; a stream
 * that does not exist has version 0.
 */
public sealed interface ExpectedVersion {
    /** @return no expectation: append whatever the stream's version */
    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    /** @return the stream must not exist yet (version 0) */
    static ExpectedVersion noStream() {
        return Exactly.NO_STREAM;
    }

    /**
     * @param version the stream's current version, 0 meaning it does not exist
     * @return the stream must be at exactly this version
     * @throws IllegalArgumentException if {@code version < 0}
     */
    static ExpectedVersion exactly(long version) {
        return version == 0 ? Exactly.NO_STREAM : new Exactly(version);
    }

    /**
     * @param actual the stream's current version
     * @return whether an append at {@code actual} meets this expectation
     */
    boolean matches(long actual);

    /** No expectation. */
    enum Any implements ExpectedVersion {
        /** The only instance. */
        INSTANCE;

        @Override
        public boolean matches(long actual) {
            return true;
        }

        @Override
        public String toString() {
            return "any";
        }
    }

    /**
     * An exact version.
     *
     * @param version the expected current version, 0 for no stream
     */
    record Exactly(long version) implements ExpectedVersion {
        static final Exactly NO_STREAM = new Exactly(0);

        public Exactly {
            if (version < 0) {
                throw new IllegalArgumentException("expected version (expected >= 0): " + version);
            }
        }

        @Override
        public boolean matches(long actual) {
            return actual == version;
        }

        @Override
        public String toString() {
            return version == 0 ? "no stream" : Long.toString(version);
        }
    }
}
