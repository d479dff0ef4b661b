package dev.allframe.aws;

import dev.allframe.eventstore.EventStoreException;
import dev.allframe.snapshot.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshots on a real S3 API server (s3proxy): conditional writes keep the newest. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class S3SnapshotStoreTest {
    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_123L);

    private S3Client s3;
    private String bucket;

    @BeforeEach
    void open() {
        s3 = StandIns.s3();
        bucket = StandIns.newBucket(s3);
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private static Snapshot snapshot(String stream, long version) {
        return new Snapshot(stream, version, ("{\"v\":" + version + "}").getBytes(StandardCharsets.UTF_8), T);
    }

    private static String text(Snapshot s) {
        return new String(s.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aWriterThatLosesTheRaceBetweenItsReadAndItsWriteDoesNotReplaceTheNewerSnapshot() {
        // Between this store's read and its conditional PUT, another writer stores version 10. Without the
        // If-None-Match / If-Match conditions the PUT of version 5 would overwrite it.
        S3SnapshotStore other = S3SnapshotStore.create(s3, bucket);
        AtomicBoolean raced = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong racerVersion = new java.util.concurrent.atomic.AtomicLong(10);
        ExecutionInterceptor racer = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest && raced.compareAndSet(false, true)) {
                    other.save(snapshot("acc", racerVersion.get()));
                }
            }
        };
        try (S3Client racing = S3Client.builder().endpointOverride(StandIns.s3proxy().endpoint())
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        dev.allframe.testkit.aws.S3Proxy.ACCESS_KEY, dev.allframe.testkit.aws.S3Proxy.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(racer)).build()) {
            S3SnapshotStore store = S3SnapshotStore.create(racing, bucket);
            store.save(snapshot("acc", 5));                 // created-if-absent loses to the racer's create
            assertThat(raced).isTrue();
            assertThat(store.load("acc")).get().extracting(Snapshot::version).isEqualTo(10L);

            other.save(snapshot("acc", 3));                 // older than 10: ignored
            assertThat(store.load("acc")).get().extracting(Snapshot::version).isEqualTo(10L);

            // Replacing version 10 with 11 (If-Match on 10's ETag) loses to a racer storing 12 in between.
            raced.set(false);
            racerVersion.set(12);
            store.save(snapshot("acc", 11));
            assertThat(raced).isTrue();
            assertThat(store.load("acc")).get().extracting(Snapshot::version).isEqualTo(12L);
            assertThat(text(store.load("acc").orElseThrow())).isEqualTo("{\"v\":12}");

            store.save(snapshot("acc", 13));                // no race: replaces 12
            assertThat(store.load("acc")).get().extracting(Snapshot::version).isEqualTo(13L);
        }
    }

    @Test
    void aNewerVersionWithByteIdenticalStateStillBeatsAWriterHoldingTheOlderVersionsEtag() {
        // The ETag is the body's MD5. If versions 5 and 7 had the same body, this store's If-Match on version 5's
        // ETag would also match version 7, and version 6 would replace it: the version would go back.
        byte[] same = "{\"balance\":0}".getBytes(StandardCharsets.UTF_8);
        S3SnapshotStore other = S3SnapshotStore.create(s3, bucket);
        other.save(new Snapshot("acc", 5, same, T));
        AtomicBoolean raced = new AtomicBoolean();
        ExecutionInterceptor racer = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest && raced.compareAndSet(false, true)) {
                    other.save(new Snapshot("acc", 7, same, T));
                }
            }
        };
        try (S3Client racing = S3Client.builder().endpointOverride(StandIns.s3proxy().endpoint())
                .region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        dev.allframe.testkit.aws.S3Proxy.ACCESS_KEY, dev.allframe.testkit.aws.S3Proxy.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(racer)).build()) {
            S3SnapshotStore store = S3SnapshotStore.create(racing, bucket);
            store.save(new Snapshot("acc", 6, "{\"balance\":1}".getBytes(StandardCharsets.UTF_8), T));
            assertThat(raced).isTrue();
            Snapshot kept = store.load("acc").orElseThrow();
            assertThat(kept.version()).isEqualTo(7);
            assertThat(kept.payload()).containsExactly(same);
        }
    }

    @Test
    void anObjectWrittenWithoutTheVersionHeaderIsReadAsTheBareStateAndACorruptHeaderIsAClearError() {
        S3SnapshotStore store = S3SnapshotStore.create(s3, bucket);
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(store.key("old")).metadata(java.util.Map.of(
                "version", "4", "timestamp", T.toString())).build(), RequestBody.fromString("{\"v\":4}"));
        assertThat(text(store.load("old").orElseThrow())).isEqualTo("{\"v\":4}");
        store.save(snapshot("old", 5));
        assertThat(text(store.load("old").orElseThrow())).isEqualTo("{\"v\":5}");
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(store.key("bad")).metadata(java.util.Map.of(
                "version", "4", "timestamp", T.toString(), "layout", "version-prefixed")).build(),
                RequestBody.fromString("{}"));
        assertThatThrownBy(() -> store.load("bad")).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("is corrupt").hasMessageContaining("version 4");
    }

    @Test
    void savesInAnyOrderLeaveTheNewestVersion() {
        // Sequential on purpose: s3proxy's conditional PUT is not atomic against a concurrent PUT (a concurrent
        // version of this test failed once in the full build, 39 left instead of 40); the race between a read and
        // a conditional write is covered deterministically above.
        S3SnapshotStore store = S3SnapshotStore.create(s3, bucket);
        List<Long> versions = new ArrayList<>();
        for (long v = 1; v <= 40; v++) {
            versions.add(v);
        }
        Collections.shuffle(versions, new java.util.Random(7));
        for (long v : versions) {
            store.save(snapshot("hot", v));
        }
        Snapshot s = store.load("hot").orElseThrow();
        assertThat(s.version()).isEqualTo(40);
        assertThat(text(s)).isEqualTo("{\"v\":40}");
        assertThat(s.timestamp()).isEqualTo(T);
    }

    @Test
    void keysEveryValidStreamIdApartWithinS3sKeyLength() {
        S3SnapshotStore store = S3SnapshotStore.create(s3, bucket, "app/");
        List<String> ids = List.of("order 1/2", "naïve café ☕", "\u4e2d".repeat(200), "\u4e2d".repeat(199) + "x",
                "%2F", "/");
        for (int i = 0; i < ids.size(); i++) {
            store.save(snapshot(ids.get(i), i + 1));
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(store.load(ids.get(i))).get().extracting(Snapshot::version).isEqualTo((long) i + 1);
            assertThat(store.key(ids.get(i))).startsWith("app/");
            assertThat(store.key(ids.get(i)).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        }
        assertThat(store.load("never")).isEmpty();
        assertThatThrownBy(() -> store.load("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anObjectNotWrittenByAllFrameIsAClearError() {
        S3SnapshotStore store = S3SnapshotStore.create(s3, bucket);
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(store.key("foreign")).build(),
                RequestBody.fromString("hello"));
        assertThatThrownBy(() -> store.load("foreign")).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("not written by AllFrame");
        assertThatThrownBy(() -> store.save(snapshot("foreign", 2))).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("not written by AllFrame");
    }

    @Test
    void aMissingBucketIsAClearError() {
        S3SnapshotStore store = S3SnapshotStore.create(s3, "no-such-bucket-here");
        assertThatThrownBy(() -> store.save(snapshot("a", 1))).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("s3://no-such-bucket-here/snapshots/a");
    }
}
