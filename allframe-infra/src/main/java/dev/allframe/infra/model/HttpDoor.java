package dev.allframe.infra.model;

import java.util.List;
import java.util.Objects;

/**
 * How HTTP reaches a Lambda function.
 *
 * @param type {@code function-url}, {@code function-url-iam} or {@code http-api}
 * @param routes the routes (used by {@code http-api}; informative otherwise)
 */
public record HttpDoor(String type, List<Route> routes) {
    /** A public Function URL. */
    public static final String FUNCTION_URL = "function-url";
    /** A Function URL requiring IAM-signed requests. */
    public static final String FUNCTION_URL_IAM = "function-url-iam";
    /** An API Gateway HTTP API. */
    public static final String HTTP_API = "http-api";

    /** Checks for nulls and copies the list. */
    public HttpDoor {
        Objects.requireNonNull(type, "type");
        routes = List.copyOf(routes);
    }
}
