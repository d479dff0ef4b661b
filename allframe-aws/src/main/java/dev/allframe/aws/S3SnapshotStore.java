package dev.allframe.aws;

import dev.allframe.snapshot.SnapshotStore;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Objects;

/**
 * Snapshots on S3 ({@code SNAPSHOT_BUCKET}): one object per stream, its body the version (8 bytes, big-endian)
 * followed by the state, the version and time also in user metadata ({@code x-amz-meta-version},
 * {@code x-amz-meta-timestamp}, {@code x-amz-meta-layout: version-prefixed}). Saving is a conditional write: read
 * the stored version, then {@code PUT} with {@code If-Match} on the ETag just read ({@code If-None-Match: *} when
 * there is none); a writer that loses the race reads again. The version in the body makes every version's ETag (the
 * body's MD5) distinct, even for identical states, so an older snapshot never replaces a newer one, even with many
 * writers. Objects without the layout marker are read as the bare state. Thread-safe.
 */
public interface S3SnapshotStore extends SnapshotStore {
    /** Key prefix when none is given. */
    String DEFAULT_PREFIX = "snapshots/";

    /**
     * @param client the client (path-style access for stand-ins is the caller's choice)
     * @param bucket the bucket, which must exist
     * @return a store writing under {@value #DEFAULT_PREFIX}
     */
    static S3SnapshotStore create(S3Client client, String bucket) {
        return create(client, bucket, DEFAULT_PREFIX);
    }

    /**
     * @param client the client
     * @param bucket the bucket, which must exist
     * @param keyPrefix prefix of every object key, may be empty
     * @return a store
     */
    static S3SnapshotStore create(S3Client client, String bucket, String keyPrefix) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("snapshot bucket name must not be blank");
        }
        return new S3SnapshotStoreImpl(client, bucket, keyPrefix);
    }

    /** @return the bucket */
    String bucket();

    /**
     * @param streamId a stream id
     * @return the object key of its snapshot
     */
    String key(String streamId);
}
