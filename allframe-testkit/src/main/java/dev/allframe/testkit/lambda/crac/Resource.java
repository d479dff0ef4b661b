package dev.allframe.testkit.lambda.crac;

/**
 * What {@code org.crac} registers here: its wrapper around an application's {@code org.crac.Resource}. Named and
 * shaped as {@code jdk.crac.Resource}, which {@code org.crac}'s compatibility layer looks up by name.
 */
public interface Resource {
    /**
     * @param context the context the resource is registered with
     * @throws Exception if the resource cannot be checkpointed
     */
    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    /**
     * @param context the context the resource is registered with
     * @throws Exception if the resource cannot be restored
     */
    void afterRestore(Context<? extends Resource> context) throws Exception;
}
