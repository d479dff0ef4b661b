package dev.allframe.jdbc;

import dev.allframe.inject.Environment;
import dev.allframe.store.Stores;
import dev.allframe.store.StoresProvider;

/**
 * Opens {@code sqlite:PATH} ({@code jdbc:sqlite:PATH}) and {@code jdbc:postgresql://...} store URLs for
 * {@link Stores#fromEnvironment(Environment, String, dev.allframe.store.StoresProvider...)}. Public only for {@link java.util.ServiceLoader}.
 */
public final class JdbcStoresProvider implements StoresProvider {
    /** For {@link java.util.ServiceLoader}. */
    public JdbcStoresProvider() {
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:postgresql:")
                || url.startsWith("postgresql:");
    }

    @Override
    public Stores open(String url, Environment environment) {
        return JdbcStores.open(url);
    }
}
