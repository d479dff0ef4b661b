package dev.allframe.cli;

/** A failure the user can fix, reported as one line without a stack trace (unless {@code --verbose}). */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
