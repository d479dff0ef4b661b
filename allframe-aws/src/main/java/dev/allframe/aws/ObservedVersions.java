package dev.allframe.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest version of each recently used stream that this store instance has seen exist. Events are never
 * changed or deleted and streams have no holes, so every version up to it exists for good: an append at such an
 * expected version needs no {@code ConditionCheck}, which keeps a transaction item (and its write capacity) free.
 * Bounded: the least recently used streams are forgotten (they only cost the check again). Thread-safe.
 */
final class ObservedVersions {
    private final Map<String, Long> versions;

    ObservedVersions(int capacity) {
        this.versions = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records that {@code version} (and so every version below it) of the stream exists. */
    synchronized void saw(String streamId, long version) {
        if (version > 0) {
            versions.merge(streamId, version, Math::max);
        }
    }

    /** @return whether {@code version} of the stream is known to exist */
    synchronized boolean covers(String streamId, long version) {
        Long seen = versions.get(streamId);
        return seen != null && seen >= version;
    }
}
