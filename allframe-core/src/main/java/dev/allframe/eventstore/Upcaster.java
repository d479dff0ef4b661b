package dev.allframe.eventstore;

/**
 * Turns a stored event's older shape into a newer one on read, so events written by an older version of a class
 * load into the current class. Upcasters form a chain ({@link EventTypes.Builder#upcaster}): each runs, in
 * registration order, on events whose type name (after the previous upcasters) equals {@link #fromType()}. An
 * upcaster may keep the type name (add a field with a default) or change it (rename, split versions).
 * Implementations are pure and thread-safe. Factories live in {@link Upcasters}.
 */
public interface Upcaster {
    /** @return the type name this upcaster applies to */
    String fromType();

    /**
     * @param event the stored type name and payload
     * @return the newer type name and payload
     */
    EventData upcast(EventData event);
}
