package dev.allframe.aws;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 code {@link AwsStores} needs, apart so that S3 classes load only when {@code SNAPSHOT_BUCKET} is set. */
final class S3Support {
    private S3Support() {
    }

    static S3Client client() {
        boolean local = System.getenv("AWS_ENDPOINT_URL_S3") != null || System.getenv("AWS_ENDPOINT_URL") != null;
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).forcePathStyle(local).build();
    }

    static void createBucketIfMissing(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }
}
