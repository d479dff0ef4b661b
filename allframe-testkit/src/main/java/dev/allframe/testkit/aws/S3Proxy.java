package dev.allframe.testkit.aws;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.net.URI;
import java.util.Properties;

/**
 * A real S3 API server on loopback for tests: s3proxy embedded in the test JVM with a transient (in-memory) blob
 * store. It honours conditional writes ({@code If-Match}, {@code If-None-Match: *}). The module that uses it
 * declares {@code org.gaul:s3proxy} in test scope (this module has it as an optional dependency). Clients need
 * path-style access ({@code forcePathStyle(true)}) and the credentials {@link #ACCESS_KEY} / {@link #SECRET_KEY}.
 */
public final class S3Proxy implements AutoCloseable {
    /** The access key the server accepts. */
    public static final String ACCESS_KEY = "local-identity";
    /** The secret key the server accepts. */
    public static final String SECRET_KEY = "local-credential";

    private final org.gaul.s3proxy.S3Proxy proxy;

    private S3Proxy(org.gaul.s3proxy.S3Proxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Starts a server on a free loopback port (about half a second).
     *
     * @return the running server
     * @throws IllegalStateException if it does not start within 30 s
     */
    public static S3Proxy start() {
        org.gaul.s3proxy.S3Proxy proxy = org.gaul.s3proxy.S3Proxy.builder()
                .blobStore(BlobStores.create("transient", new Properties()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("s3proxy did not start within 30 s (state " + proxy.getState()
                            + ")");
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(proxy);
            throw new IllegalStateException("interrupted starting s3proxy", e);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw new IllegalStateException("s3proxy did not start: " + e, e);
        }
        return new S3Proxy(proxy);
    }

    private static void stopQuietly(org.gaul.s3proxy.S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // already failing
        }
    }

    /** @return the endpoint, {@code http://127.0.0.1:PORT} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Stops the server; its buckets are gone. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop: " + e, e);
        }
    }
}
