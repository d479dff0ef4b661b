package dev.allframe.cqrs;

/**
 * The application's {@code @HandleCommand} handlers, as the generated container registers them (with each
 * decider's snapshot policy). Inject it into the component that builds the command bus, so handlers are registered
 * in one generated place instead of by hand:
 *
 * <pre>{@code
 * @Inject
 * OrdersModule(Stores stores, CommandRegistrations<OrderEvent> commands) {
 *     CommandBus.Builder<OrderEvent> builder = CommandBus.builder(events).snapshotStore(stores.snapshots());
 *     commands.registerAll(builder);
 *     this.bus = builder.build();
 * }
 * }</pre>
 *
 * <p>The handlers are created on the first call, not at injection, like a {@code jakarta.inject.Provider}.
 *
 * @param <E> the handlers' common event type (or a supertype)
 */
@FunctionalInterface
public interface CommandRegistrations<E extends Event> {
    /**
     * Registers every {@code @HandleCommand} handler of the application.
     *
     * @param builder a command bus builder for {@code E} or a supertype; it needs a snapshot store when a handler
     *        declares {@code snapshotEvery}
     * @throws IllegalStateException if a command type already has a handler in the builder
     */
    void registerAll(CommandBus.Builder<? super E> builder);
}
