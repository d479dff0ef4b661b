package dev.allframe.cli.testfn;

import dev.allframe.lambda.AllFrameHandler;

/** A function whose initialisation fails, as a missing configuration would make it. */
public final class BrokenFunction extends AllFrameHandler {
    /** Fails. */
    public BrokenFunction() {
        super(() -> {
            throw new IllegalStateException("EVENT_TABLE is not set");
        });
    }
}
