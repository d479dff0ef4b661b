package dev.allframe.store;

import dev.allframe.inject.Environment;

/**
 * A storage backend, found through {@link java.util.ServiceLoader} by {@link Stores#fromEnvironment(Environment,
 * String, StoresProvider...)}: each backend module registers one in {@code META-INF/services/dev.allframe.store.StoresProvider}
 * ({@code allframe-jdbc} for {@code sqlite:} and {@code jdbc:postgresql:}, {@code allframe-aws} for
 * {@code dynamodb:}; the core itself serves {@code memory:}).
 *
 * <p>An implementation must be cheap to construct and must not touch its backend's classes until
 * {@link #open(String, Environment)} is called: every provider on the class path is instantiated to ask
 * {@link #accepts(String)}, but only the selected one opens, so a process on SQLite never loads an AWS SDK class.
 */
public interface StoresProvider {
    /**
     * @param url a store URL, stripped of surrounding blanks
     * @return whether this provider opens it (judged from its scheme alone, without opening anything)
     */
    boolean accepts(String url);

    /**
     * @param url a store URL this provider {@linkplain #accepts(String) accepts}
     * @param environment further settings of the backend (such as {@code SNAPSHOT_BUCKET} or
     *        {@code ALLFRAME_CREATE_TABLES})
     * @return the open stores; the caller closes them
     * @throws IllegalArgumentException if the URL is malformed
     * @throws RuntimeException if the backend cannot be reached
     */
    Stores open(String url, Environment environment);
}
