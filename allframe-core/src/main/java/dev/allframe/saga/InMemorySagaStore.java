package dev.allframe.saga;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link SagaStore} in a map. */
final class InMemorySagaStore implements SagaStore {
    private final ConcurrentMap<String, SagaState> states = new ConcurrentHashMap<>();

    @Override
    public void save(SagaState state) {
        states.put(state.sagaName() + "\u0000" + state.sagaId(), state);
    }

    @Override
    public Optional<SagaState> load(String sagaName, String sagaId) {
        return Optional.ofNullable(states.get(sagaName + "\u0000" + sagaId));
    }

    @Override
    public List<SagaState> active(String sagaName) {
        return states.values().stream().filter(s -> s.sagaName().equals(sagaName) && s.status().active()).toList();
    }
}
