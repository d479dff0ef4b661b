package dev.allframe.http;

import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request method: a small value type with constants for the standard methods and {@link #of(String)} for
 * any other token. Two methods are equal when their names are equal (names are case-sensitive, RFC 9110 §9.1).
 */
public final class HttpMethod implements Comparable<HttpMethod> {
    public static final HttpMethod GET = new HttpMethod("GET");
    public static final HttpMethod HEAD = new HttpMethod("HEAD");
    public static final HttpMethod POST = new HttpMethod("POST");
    public static final HttpMethod PUT = new HttpMethod("PUT");
    public static final HttpMethod DELETE = new HttpMethod("DELETE");
    public static final HttpMethod PATCH = new HttpMethod("PATCH");
    public static final HttpMethod OPTIONS = new HttpMethod("OPTIONS");
    public static final HttpMethod TRACE = new HttpMethod("TRACE");
    public static final HttpMethod CONNECT = new HttpMethod("CONNECT");

    private static final Map<String, HttpMethod> STANDARD = Map.of(
            "GET", GET, "HEAD", HEAD, "POST", POST, "PUT", PUT, "DELETE", DELETE,
            "PATCH", PATCH, "OPTIONS", OPTIONS, "TRACE", TRACE, "CONNECT", CONNECT);

    private final String name;

    private HttpMethod(String name) {
        this.name = name;
    }

    /**
     * Returns the method with this name, the shared constant for a standard one.
     *
     * @param name the method token, for example {@code "GET"}; case-sensitive
     * @return the method
     * @throws IllegalArgumentException if the name is empty or not an RFC 9110 token
     */
    public static HttpMethod of(String name) {
        Objects.requireNonNull(name, "name");
        HttpMethod standard = STANDARD.get(name);
        if (standard != null) {
            return standard;
        }
        if (name.isEmpty() || !Tokens.isToken(name)) {
            throw new IllegalArgumentException("HTTP method (expected an RFC 9110 token): '" + name + "'");
        }
        return new HttpMethod(name);
    }

    /** @return the method's name, for example {@code "GET"} */
    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpMethod other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public int compareTo(HttpMethod o) {
        return name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
