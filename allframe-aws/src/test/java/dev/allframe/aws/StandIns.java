package dev.allframe.aws;

import dev.allframe.testkit.aws.Dynoxide;
import dev.allframe.testkit.aws.S3Proxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.concurrent.atomic.AtomicInteger;

/** The stand-ins shared by this module's tests: one dynoxide and one s3proxy per test JVM, stopped at exit. */
final class StandIns {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Dynoxide dynoxide;
    private static S3Proxy s3proxy;

    private StandIns() {
    }

    static synchronized Dynoxide dynoxide() {
        if (dynoxide == null) {
            dynoxide = Dynoxide.start();
            Dynoxide started = dynoxide;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return dynoxide;
    }

    static synchronized S3Proxy s3proxy() {
        if (s3proxy == null) {
            s3proxy = S3Proxy.start();
            S3Proxy started = s3proxy;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return s3proxy;
    }

    static DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().endpointOverride(dynoxide().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    for (ExecutionInterceptor i : interceptors) {
                        c.addExecutionInterceptor(i);
                    }
                })
                .build();
    }

    /** @return a client of dynoxide's DynamoDB Streams API, to read a table's change records as Lambda would */
    static DynamoDbStreamsClient dynamoDbStreams() {
        return DynamoDbStreamsClient.builder().endpointOverride(dynoxide().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static S3Client s3() {
        return S3Client.builder().endpointOverride(s3proxy().endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Proxy.ACCESS_KEY,
                        S3Proxy.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** @return a new table with the event store's schema */
    static String newTable(DynamoDbClient client) {
        String table = "events-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
        DynamoDbTables.create(client, table);
        return table;
    }

    /** @return a new bucket */
    static String newBucket(S3Client client) {
        String bucket = "snapshots-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
