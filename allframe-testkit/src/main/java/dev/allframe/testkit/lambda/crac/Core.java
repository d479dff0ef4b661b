package dev.allframe.testkit.lambda.crac;

import java.util.ArrayList;
import java.util.List;

/**
 * The global context and the checkpoint trigger, shaped as {@code jdk.crac.Core}. {@link #checkpointRestore()}
 * notifies the registered resources as CRaC does — {@code beforeCheckpoint} in reverse order of registration, then
 * {@code afterRestore} in order of registration — without taking a checkpoint.
 */
public final class Core {
    private static final Global GLOBAL = new Global();
    private static int checkpoints;

    private Core() {
    }

    /** @return the global context, where {@code org.crac.Core.getGlobalContext().register(...)} ends up */
    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    /**
     * Runs every registered resource's {@code beforeCheckpoint}, then every {@code afterRestore}.
     *
     * @throws CheckpointException if a {@code beforeCheckpoint} threw (the restore hooks then do not run)
     * @throws RestoreException if an {@code afterRestore} threw
     */
    public static void checkpointRestore() throws CheckpointException, RestoreException {
        List<Resource> resources = GLOBAL.snapshot();
        CheckpointException failed = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).beforeCheckpoint(GLOBAL);
            } catch (Exception e) {
                failed = failed == null ? new CheckpointException() : failed;
                failed.addSuppressed(e);
            }
        }
        if (failed != null) {
            throw failed;
        }
        synchronized (Core.class) {
            checkpoints++;
        }
        RestoreException restore = null;
        for (Resource r : resources) {
            try {
                r.afterRestore(GLOBAL);
            } catch (Exception e) {
                restore = restore == null ? new RestoreException() : restore;
                restore.addSuppressed(e);
            }
        }
        if (restore != null) {
            throw restore;
        }
    }

    /** @return how many simulated checkpoints completed in this JVM */
    public static synchronized int checkpoints() {
        return checkpoints;
    }

    /** @return how many resources are registered with the global context */
    public static int registered() {
        return GLOBAL.snapshot().size();
    }

    private static final class Global extends Context<Resource> {
        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        synchronized List<Resource> snapshot() {
            return List.copyOf(resources);
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            // The global context is notified through its resources.
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // As above.
        }
    }
}
