package dev.allframe.aws.bench;

import dev.allframe.aws.AwsStores;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One fresh JVM's first DynamoDB call, for the cold-start cost the client adds (docs/benchmarks/dynamodb.md).
 * Modes: {@code sdk} builds the client the way {@link AwsStores} does (from the environment) and reads one stream;
 * {@code plain} sends the same Query as a hand-written HTTP request with the JDK alone (the floor: JVM start plus one
 * request on the same URL-connection stack). Prints milliseconds from {@code main} to the answer.
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainStart = System.nanoTime();
        String mode = args[0];
        String table = args[1];
        long version;
        if (mode.equals("sdk")) {
            try (AwsStores stores = AwsStores.fromEnvironment().orElseThrow()) {
                version = stores.events().version("order-1");
            }
        } else {
            HttpURLConnection c = (HttpURLConnection) URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")).toURL()
                    .openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/x-amz-json-1.0");
            c.setRequestProperty("X-Amz-Target", "DynamoDB_20120810.Query");
            // dynoxide does not check signatures; the SDK's signing cost is part of what the sdk mode measures.
            c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/"
                    + "aws4_request, SignedHeaders=host, Signature=0");
            c.setRequestProperty("X-Amz-Date", "20260101T000000Z");
            try (OutputStream out = c.getOutputStream()) {
                out.write(("{\"TableName\":\"" + table + "\",\"ConsistentRead\":true,\"Limit\":1,"
                        + "\"KeyConditionExpression\":\"PK = :pk\",\"ScanIndexForward\":false,"
                        + "\"ExpressionAttributeValues\":{\":pk\":{\"S\":\"order-1\"}}}")
                        .getBytes(StandardCharsets.UTF_8));
            }
            String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version = body.contains("\"Count\":1") ? 1 : 0;
        }
        System.out.println(mode + " " + (System.nanoTime() - mainStart) / 1_000_000 + " ms version=" + version);
    }
}
