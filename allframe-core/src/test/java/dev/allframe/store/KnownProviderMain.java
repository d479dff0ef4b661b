package dev.allframe.store;

import dev.allframe.inject.Environment;

import java.util.Map;

/** Run in a child JVM by {@link StoresTest}: opens {@code memory:} the way a generated container does. */
public final class KnownProviderMain {
    private KnownProviderMain() {
    }

    public static void main(String[] args) {
        try (Stores stores = Stores.fromEnvironment(Environment.of(Map.of()), "memory:",
                new MemoryStoresProvider())) {
            System.out.println("opened " + stores.url());
        }
    }
}
