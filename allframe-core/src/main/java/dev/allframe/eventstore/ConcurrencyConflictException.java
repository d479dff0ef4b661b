package dev.allframe.eventstore;

/**
 * An append whose {@link ExpectedVersion} did not match the stream's version: another writer got there first.
 * Nothing of the append was written. Reload the stream and decide again (see the command bus's retry policy).
 */
public class ConcurrencyConflictException extends EventStoreException {
    private static final long serialVersionUID = 1L;

    private final String streamId;
    private final transient ExpectedVersion expected;
    private final long actual;

    /**
     * @param streamId the stream
     * @param expected what the writer expected
     * @param actual the stream's version when the append was attempted
     */
    public ConcurrencyConflictException(String streamId, ExpectedVersion expected, long actual) {
        super("Concurrency conflict on stream '" + streamId + "': expected version " + expected
                + ", actual version " + actual);
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    /** @return the stream */
    public String streamId() {
        return streamId;
    }

    /** @return what the writer expected */
    public ExpectedVersion expected() {
        return expected;
    }

    /** @return the stream's actual version */
    public long actual() {
        return actual;
    }
}
