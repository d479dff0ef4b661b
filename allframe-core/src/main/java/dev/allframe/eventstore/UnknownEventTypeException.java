package dev.allframe.eventstore;

/** A stored event whose type name no registered class (or upcaster) knows; reading stops rather than skip it. */
public class UnknownEventTypeException extends EventStoreException {
    private static final long serialVersionUID = 1L;

    private final String typeName;

    /**
     * @param typeName the unknown type name
     * @param where the stream and version (or position) of the event
     * @param known the registered type names
     */
    public UnknownEventTypeException(String typeName, String where, java.util.Collection<String> known) {
        super("Unknown event type '" + typeName + "' at " + where + "; registered types: " + known
                + ". Register its class (EventTypes.builder().register(...)) or an Upcaster from this name");
        this.typeName = typeName;
    }

    /** @return the unknown type name */
    public String typeName() {
        return typeName;
    }
}
