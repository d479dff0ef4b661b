package dev.allframe.store;

import dev.allframe.inject.Environment;

/** A backend for {@code test:NAME} URLs, registered in the tests' {@code META-INF/services}; records what it saw. */
public final class RecordingStoresProvider implements StoresProvider {
    static volatile String openedUrl;
    static volatile String bucketSeen;

    public RecordingStoresProvider() {
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith("test:");
    }

    @Override
    public Stores open(String url, Environment environment) {
        openedUrl = url;
        bucketSeen = environment.get("SNAPSHOT_BUCKET");
        return Stores.memory();
    }
}
