package dev.allframe.testkit.lambda.crac;

/**
 * A group of resources notified together, shaped as {@code jdk.crac.Context}.
 *
 * @param <R> the resource type
 */
public abstract class Context<R extends Resource> implements Resource {
    /** For subclasses. */
    protected Context() {
    }

    /**
     * @param resource a resource to notify before the next checkpoint and after the restore
     */
    public abstract void register(R resource);
}
