package dev.allframe.lambda;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Primes the handler before a SnapStart (CRaC) checkpoint. Registered only when Lambda initialises the function
 * for a snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) or when {@code -Dallframe.crac=true} asks
 * for it, so an ordinary cold start does not even load {@code org.crac}.
 */
final class SnapStartHook implements Resource {
    private final AllFrameHandler handler;
    private volatile int primed = -1;

    private SnapStartHook(AllFrameHandler handler) {
        this.handler = handler;
    }

    static SnapStartHook register(AllFrameHandler handler) {
        SnapStartHook hook = new SnapStartHook(handler);
        Core.getGlobalContext().register(hook);
        return hook;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        primed = handler.prime();
        System.getLogger(SnapStartHook.class.getName()).log(System.Logger.Level.INFO, "Primed " + primed + " request(s) before the SnapStart checkpoint");
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to refresh: the door holds no connections, clocks or random seeds of its own.
    }

    int primed() {
        return primed;
    }
}
