package dev.allframe.inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The components a container created that must be closed, in creation order. {@link #close()} closes them in
 * reverse, so a component is closed before the components it depends on (which were created first). Thread-safe.
 */
public final class Lifecycle implements AutoCloseable {
    /** Looked up on the first failure only: creating a logger starts the logging system, a start-up cost. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(Lifecycle.class.getName());
    }

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private boolean closed;

    /** Creates an empty lifecycle. */
    public Lifecycle() {
    }

    /**
     * Records a freshly created component; remembered only if it is {@link AutoCloseable}.
     *
     * @param component the component
     * @param <T> its type
     * @return the component
     * @throws IllegalStateException if the lifecycle is already closed
     */
    public synchronized <T> T register(T component) {
        if (closed) {
            throw new IllegalStateException("the container is closed");
        }
        if (component instanceof AutoCloseable c) {
            closeables.add(c);
        }
        return component;
    }

    /**
     * A component's {@link Init @Init} methods.
     *
     * @param <T> the component type
     */
    @FunctionalInterface
    public interface Hook<T> {
        /**
         * @param component the component
         * @throws Exception if initialisation fails
         */
        void run(T component) throws Exception;
    }

    /**
     * Runs a fresh component's init hook, then {@linkplain #register(Object) registers} it. If the hook fails, an
     * {@link AutoCloseable} component is closed at once and never registered.
     *
     * @param component the component
     * @param init its init hook
     * @param <T> its type
     * @return the component
     * @throws IllegalStateException wrapping a checked exception of the hook; unchecked ones pass unchanged
     */
    public <T> T initialize(T component, Hook<? super T> init) {
        try {
            init.run(component);
        } catch (Exception | Error e) {
            if (component instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("@Init of " + component.getClass().getName() + " failed: " + e, e);
        }
        return register(component);
    }

    /**
     * Wraps a checked exception thrown by a component's constructor or {@link Provides @Provides} method, for the
     * generated getters (which declare none).
     *
     * @param component the component's id
     * @param failure what its constructor or method threw
     * @return an {@link IllegalStateException} naming the component; the interrupt flag is restored for an
     *     {@link InterruptedException}
     */
    public static IllegalStateException creationFailed(String component, Exception failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Creating " + component + " failed: " + failure, failure);
    }

    /** @throws IllegalStateException if the lifecycle is closed */
    public synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the container is closed");
        }
    }

    /** @return whether {@link #close()} has run */
    public synchronized boolean isClosed() {
        return closed;
    }

    /**
     * Closes every registered component in reverse creation order, even if some fail; idempotent.
     *
     * @throws IllegalStateException if any component failed to close; the others' failures are suppressed in it
     */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(closeables);
            closeables.clear();
        }
        IllegalStateException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            AutoCloseable c = toClose.get(i);
            try {
                c.close();
            } catch (Exception e) {
                Log.LOG.log(System.Logger.Level.WARNING, "closing " + c.getClass().getName() + " failed", e);
                if (failure == null) {
                    failure = new IllegalStateException("closing " + c.getClass().getName() + " failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
