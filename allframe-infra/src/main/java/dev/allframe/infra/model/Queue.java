package dev.allframe.infra.model;

import java.util.Objects;

/**
 * A message queue.
 *
 * @param name the logical name
 * @param provider {@code auto}, {@code sqs} or {@code pubsub}
 * @param visibilityTimeout seconds, 0..43200
 * @param dlq whether a dead-letter queue named {@code NAME-dlq} is created
 * @param dlqMaxReceives receives before a message is moved to the dead-letter queue
 * @param fifo whether the queue is FIFO
 */
public record Queue(String name, String provider, int visibilityTimeout, boolean dlq, int dlqMaxReceives,
                    boolean fifo) {
    /** Checks for nulls. */
    public Queue {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }

    /** @return the logical name of the dead-letter queue */
    public String dlqName() {
        return name + "-dlq";
    }
}
