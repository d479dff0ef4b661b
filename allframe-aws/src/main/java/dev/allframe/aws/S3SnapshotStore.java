package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.eventstore.EventStoreLimits;
import dev.allframe.snapshot.Snapshot;
import dev.allframe.snapshot.SnapshotStore;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Snapshots on S3 ({@code SNAPSHOT_BUCKET}): one object per stream, its body the version (8 bytes, big-endian)
 * followed by the state, the version and time also in user metadata ({@code x-amz-meta-version},
 * {@code x-amz-meta-timestamp}, {@code x-amz-meta-layout: version-prefixed}). Saving is a conditional write: read
 * the stored version, then {@code PUT} with {@code If-Match} on the ETag just read ({@code If-None-Match: *} when
 * there is none); a writer that loses the race reads again. The version in the body makes every version's ETag (the
 * body's MD5) distinct, even for identical states, so an older snapshot never replaces a newer one, even with many
 * writers. Objects without the layout marker are read as the bare state. Thread-safe.
 */
public final class S3SnapshotStore implements SnapshotStore {
    /** Key prefix when none is given. */
    public static final String DEFAULT_PREFIX = "snapshots/";

    /**
     * @param client the client (path-style access for stand-ins is the caller's choice)
     * @param bucket the bucket, which must exist
     * @return a store writing under {@value #DEFAULT_PREFIX}
     */
    public static S3SnapshotStore create(S3Client client, String bucket) {
        return create(client, bucket, DEFAULT_PREFIX);
    }

    /**
     * @param client the client
     * @param bucket the bucket, which must exist
     * @param keyPrefix prefix of every object key, may be empty
     * @return a store
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code bucket} is blank
     */
    public static S3SnapshotStore create(S3Client client, String bucket, String keyPrefix) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("snapshot bucket name must not be blank");
        }
        return new S3SnapshotStore(client, bucket, keyPrefix);
    }

    private static final String VERSION = "version";
    private static final String TIMESTAMP = "timestamp";
    /**
     * Marks bodies that start with the snapshot's version (8 bytes, big-endian) before the state. The conditions
     * compare ETags, and an ETag is the body's MD5: without the version in the body, two versions with identical
     * state would share an ETag, and a writer holding the older one's could replace the newer one.
     */
    private static final String LAYOUT = "layout";
    private static final String VERSION_PREFIXED = "version-prefixed";
    private static final int HEADER = Long.BYTES;
    private static final int MAX_ATTEMPTS = 20;
    /** S3 keys hold 1024 bytes; longer encodings switch to base64 (which "~" marks: URL-encoding never emits it). */
    private static final int MAX_READABLE_KEY = 800;

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    private S3SnapshotStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** @return the bucket */
    public String bucket() {
        return bucket;
    }

    /**
     * @param streamId a stream id
     * @return the object key of its snapshot
     * @throws IllegalArgumentException if the stream id breaks {@link EventStoreLimits}
     */
    public String key(String streamId) {
        EventStoreLimits.checkStreamId(streamId);
        String readable = URLEncoder.encode(streamId, StandardCharsets.UTF_8);
        if (readable.length() <= MAX_READABLE_KEY) {
            return prefix + readable;
        }
        return prefix + "~b64~" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(streamId.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void save(Snapshot snapshot) {
        String key = key(snapshot.streamId());
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                Optional<HeadObjectResponse> stored = head(key);
                if (stored.isPresent() && storedVersion(stored.get(), key) >= snapshot.version()) {
                    return; // a newer (or the same) snapshot is there already
                }
                PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key)
                        .contentType("application/octet-stream")
                        .metadata(Map.of(VERSION, Long.toString(snapshot.version()),
                                TIMESTAMP, snapshot.timestamp().toString(), LAYOUT, VERSION_PREFIXED));
                if (stored.isPresent()) {
                    put.ifMatch(stored.get().eTag());
                } else {
                    put.ifNoneMatch("*");
                }
                try {
                    client.putObject(put.build(), RequestBody.fromBytes(body(snapshot)));
                    return;
                } catch (S3Exception e) {
                    if (e.statusCode() != 412 && e.statusCode() != 409) {
                        throw e;
                    }
                    // Another writer replaced or created it since our read: read again and compare versions.
                }
            }
        } catch (SdkException e) {
            throw new EventStoreException("Cannot save the snapshot of stream '" + snapshot.streamId()
                    + "' to s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
        throw new EventStoreException("Gave up saving the snapshot of stream '" + snapshot.streamId() + "' to s3://"
                + bucket + "/" + key + " after " + MAX_ATTEMPTS + " conditional writes lost to other writers");
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(client.headObject(b -> b.bucket(bucket).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private long storedVersion(HeadObjectResponse head, String key) {
        String v = head.metadata().get(VERSION);
        if (v == null) {
            throw new EventStoreException("s3://" + bucket + "/" + key + " has no x-amz-meta-version: it was not"
                    + " written by AllFrame; remove it or choose another snapshot prefix");
        }
        return Long.parseLong(v);
    }

    @Override
    public Optional<Snapshot> load(String streamId) {
        String key = key(streamId);
        try {
            ResponseBytes<GetObjectResponse> bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            GetObjectResponse r = bytes.response();
            String version = r.metadata().get(VERSION);
            String timestamp = r.metadata().get(TIMESTAMP);
            if (version == null || timestamp == null) {
                throw new EventStoreException("s3://" + bucket + "/" + key + " lacks x-amz-meta-version or"
                        + " x-amz-meta-timestamp: it was not written by AllFrame");
            }
            long v = Long.parseLong(version);
            return Optional.of(new Snapshot(streamId, v, state(bytes.asByteArray(), v, r.metadata().get(LAYOUT), key),
                    Instant.parse(timestamp)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new EventStoreException("Cannot load the snapshot of stream '" + streamId + "' from s3://"
                    + bucket + "/" + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new EventStoreException("Cannot load the snapshot of stream '" + streamId + "' from s3://"
                    + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    private static byte[] body(Snapshot snapshot) {
        byte[] state = snapshot.payload();
        return ByteBuffer.allocate(HEADER + state.length).putLong(snapshot.version()).put(state).array();
    }

    /** The state in a body: after the version header, or the whole body of an object written without one. */
    private byte[] state(byte[] body, long version, String layout, String key) {
        if (!VERSION_PREFIXED.equals(layout)) {
            return body;
        }
        if (body.length < HEADER || ByteBuffer.wrap(body).getLong() != version) {
            throw new EventStoreException("s3://" + bucket + "/" + key + " is corrupt: its body does not start with"
                    + " version " + version + " that its x-amz-meta-version names");
        }
        return Arrays.copyOfRange(body, HEADER, body.length);
    }

    @Override
    public String toString() {
        return "S3SnapshotStore[s3://" + bucket + "/" + prefix + "]";
    }
}
