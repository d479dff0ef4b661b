package dev.allframe.testkit.lambda.crac;

/** A restore failed: the hooks' exceptions are suppressed exceptions of this one. */
public class RestoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Without a message; {@code org.crac} copies the suppressed exceptions. */
    public RestoreException() {
        super("afterRestore failed");
    }
}
