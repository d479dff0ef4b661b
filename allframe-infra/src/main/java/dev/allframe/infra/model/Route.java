package dev.allframe.infra.model;

import java.util.Objects;

/**
 * An HTTP route of a deployable, as the route table declares it.
 *
 * @param method the method, upper case
 * @param path the path template ({@code /orders/{id}}); a trailing catch-all {@code {rest...}} becomes
 *             {@code {rest+}} in API Gateway
 */
public record Route(String method, String path) {
    /** Checks for nulls. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }
}
