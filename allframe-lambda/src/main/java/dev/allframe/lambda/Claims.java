package dev.allframe.lambda;

import java.util.Map;
import java.util.Optional;

/**
 * What the gateway's authorizer established about the caller: JWT claims (HTTP API JWT authorizer, Cognito user
 * pool authorizer of a REST API) or the context a Lambda authorizer returned. Empty when no authorizer ran.
 *
 * @param values claim names to values as the gateway sent them (strings, numbers, booleans, lists or maps)
 */
public record Claims(Map<String, Object> values) {
    /** No claims. */
    public static final Claims NONE = new Claims(Map.of());

    public Claims {
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /**
     * @param name a claim name such as {@code sub}
     * @return the claim as text, if present
     */
    public Optional<String> get(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }
}
