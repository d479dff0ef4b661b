package dev.allframe.cqrs;

/**
 * A command rejected by a business rule. Over HTTP it becomes a problem response: {@link Kind#CONFLICT} (409,
 * the default: the aggregate's state forbids it, such as adding to a submitted order) or
 * {@link Kind#UNPROCESSABLE} (422: the command itself can never succeed). The message is shown to the client.
 */
public class CommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How a rejection maps to HTTP. */
    public enum Kind {
        /** The current state forbids the command: 409. */
        CONFLICT(409),
        /** The command is invalid in itself: 422. */
        UNPROCESSABLE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** @return the HTTP status */
        public int status() {
            return status;
        }
    }

    private final Kind kind;

    /** @param message why the command was rejected, for the client */
    public CommandException(String message) {
        this(Kind.CONFLICT, message);
    }

    /**
     * @param kind how the rejection maps to HTTP
     * @param message why the command was rejected, for the client
     */
    public CommandException(Kind kind, String message) {
        super(message);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /**
     * @param message why
     * @return a 409-style rejection
     */
    public static CommandException conflict(String message) {
        return new CommandException(Kind.CONFLICT, message);
    }

    /**
     * @param message why
     * @return a 422-style rejection
     */
    public static CommandException unprocessable(String message) {
        return new CommandException(Kind.UNPROCESSABLE, message);
    }

    /** @return how the rejection maps to HTTP */
    public Kind kind() {
        return kind;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a rejected command is not a bug: no stack to capture
    }
}
