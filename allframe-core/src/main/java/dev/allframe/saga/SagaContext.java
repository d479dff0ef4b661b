package dev.allframe.saga;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a step's action or compensation sees: the instance id and its data, which it may change. */
public final class SagaContext {
    private final String sagaId;
    private final Map<String, String> data;

    SagaContext(String sagaId, Map<String, String> data) {
        this.sagaId = sagaId;
        this.data = new LinkedHashMap<>(data);
    }

    /** @return the instance id (the correlation id) */
    public String sagaId() {
        return sagaId;
    }

    /**
     * @param key a key
     * @return its value, if set
     */
    public Optional<String> get(String key) {
        return Optional.ofNullable(data.get(key));
    }

    /**
     * Sets a value, persisted with the instance when the step's transition is saved.
     *
     * @param key a key
     * @param value its value
     */
    public void put(String key, String value) {
        data.put(java.util.Objects.requireNonNull(key, "key"), java.util.Objects.requireNonNull(value, "value"));
    }

    Map<String, String> data() {
        return data;
    }
}
