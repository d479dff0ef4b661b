package dev.allframe.lambda.events;

import dev.allframe.inject.ConfigurationException;
import dev.allframe.json.MissingJsonAdapterException;

import java.util.UUID;

/**
 * What a failed message or record is, decided in this one place for every event door, and how it is logged. Every
 * kind is reported as failed (SQS and DynamoDB Streams {@code batchItemFailures}; SNS, EventBridge and S3 fail the
 * invocation), so nothing is dropped; the kind says whether retrying can help, and so what the operator must do.
 */
enum Failure {
    /**
     * The message itself can never succeed: it names no routed command, its body does not decode as the command
     * or crosses a JSON limit, or the record misses a member. Retries end in the dead-letter queue or failure
     * destination, which is where it belongs. Logged as a warning with its reason, no stack trace.
     */
    POISON,
    /**
     * A later delivery may succeed: another delivery holds the message, the bus refused the command for now, a store
     * failed. Logged as a warning; an unexpected exception with its stack trace.
     */
    RETRYABLE,
    /**
     * The function is at fault, not the message: its build left a command type without a JSON adapter, or its
     * environment is malformed. Every delivery fails until it is fixed and redeployed, so the message is reported
     * for retry (never judged poison), and the dead-letter queue can be redriven after the fix. Logged as one error
     * line with an error id, naming the type or variable and the fix.
     */
    SERVER_FAULT;

    private static final System.Logger FAILURES = System.getLogger(EventSources.class.getName());

    /**
     * @param e a failure of one message or record
     * @return its kind
     */
    static Failure of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MissingJsonAdapterException || t instanceof ConfigurationException) {
                return SERVER_FAULT;
            }
        }
        if (e instanceof PoisonMessageException || e instanceof Json.MalformedRecordException) {
            return POISON;
        }
        return RETRYABLE;
    }

    /**
     * Logs one failed message, under the public type users configure ({@link EventSources}), once per delivery.
     *
     * @param what the message, for example {@code SQS message 42 of queue 'orders'}
     * @param e its failure
     * @return its kind
     */
    static Failure report(String what, Throwable e) {
        Failure kind = of(e);
        switch (kind) {
            case SERVER_FAULT -> {
                Throwable fault = e;
                while (!(fault instanceof MissingJsonAdapterException || fault instanceof ConfigurationException)) {
                    fault = fault.getCause();
                }
                FAILURES.log(System.Logger.Level.ERROR, what + " failed on a fault of the function, not of the"
                        + " message (error id " + UUID.randomUUID() + "); it is reported for retry, so fix and"
                        + " redeploy, then redrive any dead-lettered messages: "
                        + fault.getMessage().replaceAll("\\s*\\R\\s*", " "));
            }
            case POISON -> FAILURES.log(System.Logger.Level.WARNING, what + " can never succeed; reported as failed,"
                    + " so retries end in the dead-letter queue or failure destination: " + e.getMessage());
            case RETRYABLE -> {
                if (e instanceof CommandDispatcher.DeliveryInProgressException
                        || e instanceof dev.allframe.cqrs.CommandException) {
                    FAILURES.log(System.Logger.Level.WARNING, what + " failed: " + e.getMessage());
                } else {
                    FAILURES.log(System.Logger.Level.WARNING, what + " failed: " + e, e);
                }
            }
        }
        return kind;
    }
}
