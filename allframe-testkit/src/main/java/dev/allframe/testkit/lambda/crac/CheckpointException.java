package dev.allframe.testkit.lambda.crac;

/** A checkpoint failed: the hooks' exceptions are suppressed exceptions of this one. */
public class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Without a message; {@code org.crac} copies the suppressed exceptions. */
    public CheckpointException() {
        super("beforeCheckpoint failed");
    }
}
