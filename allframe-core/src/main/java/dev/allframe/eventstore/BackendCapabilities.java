package dev.allframe.eventstore;

import java.util.Objects;

/**
 * What an {@link EventStoreBackend} can do beyond the per-stream promises every backend keeps, answered by
 * {@link EventStoreBackend#capabilities()}. Today one ability is optional: a global order across streams
 * ({@link EventStoreBackend#readAll}, {@link EventStore#readAll}, {@link EventStore#subscribe catch-up
 * subscriptions} and projections fed by them). A backend without it says why in {@link #reason()}, and every global
 * read on it fails with an {@link UnsupportedOperationException} carrying that reason.
 *
 * @param globalOrder whether the backend keeps a gap-free global order across streams
 * @param reason why an ability is missing and what to use instead; empty when nothing is missing
 */
public record BackendCapabilities(boolean globalOrder, String reason) {
    private static final BackendCapabilities ALL = new BackendCapabilities(true, "");

    /**
     * @param globalOrder whether the backend keeps a global order
     * @param reason why an ability is missing; empty when nothing is
     * @throws NullPointerException if {@code reason} is null
     * @throws IllegalArgumentException if an ability is missing and the reason is blank
     */
    public BackendCapabilities {
        Objects.requireNonNull(reason, "reason");
        if (!globalOrder && reason.isBlank()) {
            throw new IllegalArgumentException("a backend without global order must say why (reason is blank)");
        }
    }

    /** @return every optional ability, which is what general-purpose backends have */
    public static BackendCapabilities all() {
        return ALL;
    }

    /**
     * @param reason why the backend keeps no global order and what to use instead (for example the table's change
     *               stream); it becomes the message of every refused global read
     * @return capabilities without a global order
     * @throws IllegalArgumentException if the reason is blank
     */
    public static BackendCapabilities withoutGlobalOrder(String reason) {
        return new BackendCapabilities(false, reason);
    }

    /**
     * Refuses a global read on a backend without a global order.
     *
     * @throws UnsupportedOperationException with {@link #reason()} if the backend keeps no global order
     */
    public void requireGlobalOrder() {
        if (!globalOrder) {
            throw new UnsupportedOperationException(reason);
        }
    }
}
