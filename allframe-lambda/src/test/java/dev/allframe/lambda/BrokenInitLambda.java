package dev.allframe.lambda;

/** An application whose wiring fails during init, as a missing configuration value would. */
public final class BrokenInitLambda extends AllFrameHandler {
    /** Called by the runtime; fails. */
    public BrokenInitLambda() {
        super(() -> {
            throw new IllegalStateException("EVENT_TABLE is not set");
        });
    }
}
