package dev.allframe.aws;

import dev.allframe.inject.Environment;
import dev.allframe.store.Stores;
import dev.allframe.store.StoresProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Opens {@code dynamodb:TABLE} store URLs for {@link Stores#fromEnvironment(Environment, String, dev.allframe.store.StoresProvider...)} (which also
 * selects {@code dynamodb:} + {@code EVENT_TABLE}), with {@code SNAPSHOT_BUCKET}, {@code ALLFRAME_CREATE_TABLES}
 * and {@code ALLFRAME_GLOBAL_ORDER} from the same environment (see {@link AwsStores}). Public only for
 * {@link java.util.ServiceLoader}. It names no SDK type, so asking it whether it accepts a URL loads no SDK class.
 */
public final class AwsStoresProvider implements StoresProvider {
    private static final String[] SETTINGS = {"SNAPSHOT_BUCKET", "ALLFRAME_CREATE_TABLES", GlobalOrder.VARIABLE};

    /** For {@link java.util.ServiceLoader}. */
    public AwsStoresProvider() {
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith(AwsStores.SCHEME);
    }

    @Override
    public Stores open(String url, Environment environment) {
        Map<String, String> env = new HashMap<>();
        env.put(Stores.STORE_VARIABLE, url);
        for (String name : SETTINGS) {
            String value = environment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        return AwsStores.fromEnvironment(env).orElseThrow();
    }
}
