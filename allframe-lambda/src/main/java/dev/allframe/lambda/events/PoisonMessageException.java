package dev.allframe.lambda.events;

/**
 * A message that can never succeed however often it is retried: its body does not decode as the command, or no
 * route names a command for it. Reported as failed so the queue's redrive policy moves it to the dead-letter
 * queue; its reason is logged once per delivery, without a stack trace.
 */
final class PoisonMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PoisonMessageException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
