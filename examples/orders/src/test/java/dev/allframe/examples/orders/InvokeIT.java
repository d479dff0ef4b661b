package dev.allframe.examples.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code allframe invoke} (the packaged CLI, a fresh JVM per run, as a user runs it) runs the example's real JSON
 * bodies through every door of its two functions: HTTP as API Gateway REST (v1), HTTP API (v2), a Function URL and
 * an ALB send it to {@code OrdersLambda}; SQS, SNS, EventBridge, S3 and DynamoDB Streams events to
 * {@code OrdersEventsLambda}. Once with {@code --classpath} (the application isolated from the CLI's own copies of
 * AllFrame and the JSON library, whose generated adapters it must find), once without (the application on the
 * command's own class path).
 */
class InvokeIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path CLI = ROOT.resolve("allframe-cli/target/allframe.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String HTTP = "dev.allframe.examples.orders.OrdersLambda";
    private static final String EVENTS = "dev.allframe.examples.orders.OrdersEventsLambda";
    private static final String BODY = "{\\\"customerId\\\":\\\"ann\\\",\\\"orderId\\\":\\\"%s\\\"}";

    @TempDir
    Path dir;

    @Test
    void everyDoorBindsTheExamplesJsonWithClasspath() throws Exception {
        everyDoor(true);
    }

    @Test
    void everyDoorBindsTheExamplesJsonOnTheCommandsOwnClassPath() throws Exception {
        everyDoor(false);
    }

    private void everyDoor(boolean isolated) throws Exception {
        assertThat(CLI).as("the reactor packages the CLI before the example").exists();
        String app = appClasspath();

        for (String[] http : new String[][] {
                {"API Gateway REST (v1)", restV1("v1-1")},
                {"API Gateway HTTP API (v2)", httpV2("v2-1", "api-id.execute-api.us-east-1.amazonaws.com")},
                {"Function URL", httpV2("url-1", "abc123.lambda-url.us-east-1.on.aws")},
                {"ALB", alb("alb-1")}}) {
            Run r = invoke(isolated, app, HTTP, http[1]);
            assertThat(r.exit()).as(http[0] + ": " + r).isZero();
            assertThat(r.out()).as(http[0]).contains("\"statusCode\":201").contains("\\\"customerId\\\":\\\"ann\\\"")
                    .contains("\\\"status\\\":\\\"OPEN\\\"").doesNotContain("JsonAdapter");
        }

        Run sqs = invoke(isolated, app, EVENTS, sqs());
        assertThat(sqs.exit()).as("SQS: " + sqs).isZero();
        assertThat(sqs.out()).as("SQS: the poison message fails alone")
                .startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-3\"}]");

        Run sns = invoke(isolated, app, EVENTS, sns());
        assertThat(sns.exit()).as("SNS: " + sns).isEqualTo(1);
        assertThat(sns.err()).as("SNS: the example routes no topic; the door says so")
                .contains("\"errorType\":\"dev.allframe.lambda.events.EventDispatchException\"")
                .contains("order-events");

        Run eb = invoke(isolated, app, EVENTS, eventBridge());
        assertThat(eb.exit()).as("EventBridge: " + eb).isZero();

        Run s3 = invoke(isolated, app, EVENTS, s3());
        assertThat(s3.exit()).as("S3: " + s3).isZero();

        Run ddb = invoke(isolated, app, EVENTS, dynamoDbStream());
        assertThat(ddb.exit()).as("DynamoDB Streams: " + ddb).isZero();
        assertThat(ddb.out()).isEqualTo("{\"batchItemFailures\":[]}");
    }

    /** The example's built classes and its runtime dependencies, as {@code allframe dev} reads them. */
    private static String appClasspath() throws IOException {
        Path classes = Path.of("target/classes").toAbsolutePath();
        assertThat(classes.resolve("META-INF/services")).as("the example is built").isDirectory();
        List<String> cp = new ArrayList<>(List.of(classes.toString()));
        try (Stream<Path> jars = Files.list(Path.of("target/lib").toAbsolutePath())) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> cp.add(p.toString()));
        }
        return String.join(File.pathSeparator, cp);
    }

    private Run invoke(boolean isolated, String app, String handler, String event) throws Exception {
        Path file = Files.createTempFile(dir, "event-", ".json");
        Files.writeString(file, event);
        List<String> command = new ArrayList<>(List.of(JAVA));
        if (isolated) {
            command.addAll(List.of("-jar", CLI.toString(), "invoke", "--classpath", app));
        } else {
            command.addAll(List.of("-cp", CLI + File.pathSeparator + app, "dev.allframe.cli.AllFrameCli", "invoke"));
        }
        command.addAll(List.of("--event", file.toString(), "--handler", handler));
        Path err = Files.createTempFile(dir, "invoke-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("ALLFRAME_") || k.equals("EVENT_TABLE"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err).strip());
    }

    /** A finished {@code allframe invoke}. */
    private record Run(int exit, String out, String err) {
    }

    private static String restV1(String id) {
        return """
                {"resource":"/orders","path":"/orders","httpMethod":"POST",
                 "headers":{"Content-Type":"application/json","Host":"abc123.execute-api.eu-west-1.amazonaws.com"},
                 "multiValueHeaders":{"Content-Type":["application/json"],
                  "Host":["abc123.execute-api.eu-west-1.amazonaws.com"]},
                 "queryStringParameters":null,"multiValueQueryStringParameters":null,"pathParameters":null,
                 "stageVariables":null,
                 "requestContext":{"accountId":"123456789012","apiId":"abc123","httpMethod":"POST",
                  "path":"/prod/orders","protocol":"HTTP/1.1","requestId":"req-v1","resourcePath":"/orders",
                  "stage":"prod","identity":{"sourceIp":"198.51.100.7"}},
                 "body":"%s","isBase64Encoded":false}
                """.formatted(BODY.formatted(id));
    }

    private static String httpV2(String id, String host) {
        return """
                {"version":"2.0","routeKey":"$default","rawPath":"/orders","rawQueryString":"",
                 "headers":{"content-type":"application/json","host":"%s"},
                 "requestContext":{"accountId":"123456789012","apiId":"api-id","domainName":"%s",
                  "http":{"method":"POST","path":"/orders","protocol":"HTTP/1.1","sourceIp":"192.0.2.44",
                   "userAgent":"curl"},"requestId":"req-v2","routeKey":"$default","stage":"$default",
                  "timeEpoch":1795000000000},
                 "body":"%s","isBase64Encoded":false}
                """.formatted(host, host, BODY.formatted(id));
    }

    private static String alb(String id) {
        return """
                {"requestContext":{"elb":{"targetGroupArn":
                  "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/orders/6d0ecf831eec9f09"}},
                 "httpMethod":"POST","path":"/orders","queryStringParameters":{},
                 "headers":{"content-type":"application/json","host":"orders-123.us-east-2.elb.amazonaws.com",
                  "x-forwarded-for":"72.21.198.66","x-forwarded-port":"443","x-forwarded-proto":"https"},
                 "body":"%s","isBase64Encoded":false}
                """.formatted(BODY.formatted(id));
    }

    private static String sqs() {
        return "{\"Records\":[" + String.join(",",
                sqsMessage("m-1", "{\\\"type\\\":\\\"CreateOrder\\\",\\\"orderId\\\":\\\"sqs-1\\\","
                        + "\\\"customerId\\\":\\\"ann\\\"}"),
                sqsMessage("m-2", "{\\\"type\\\":\\\"AddItem\\\",\\\"orderId\\\":\\\"sqs-1\\\","
                        + "\\\"sku\\\":\\\"book\\\",\\\"quantity\\\":2,\\\"unitPriceCents\\\":1250}"),
                sqsMessage("m-3", "{\\\"type\\\":\\\"RefundOrder\\\",\\\"orderId\\\":\\\"sqs-1\\\"}"),
                sqsMessage("m-4", "{\\\"type\\\":\\\"SubmitOrder\\\",\\\"orderId\\\":\\\"sqs-1\\\"}")) + "]}";
    }

    private static String sqsMessage(String id, String body) {
        return """
                {"messageId":"%s","receiptHandle":"rh-%s","body":"%s",
                 "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1795000000000",
                  "SenderId":"AIDAEXAMPLE","ApproximateFirstReceiveTimestamp":"1795000000001"},
                 "messageAttributes":{},"md5OfBody":"0","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:order-commands","awsRegion":"us-east-1"}
                """.formatted(id, id, body);
    }

    private static String sns() {
        return """
                {"Records":[{"EventVersion":"1.0","EventSource":"aws:sns",
                 "EventSubscriptionArn":"arn:aws:sns:us-east-1:123456789012:order-events:c9135db0",
                 "Sns":{"Type":"Notification","MessageId":"sns-1",
                  "TopicArn":"arn:aws:sns:us-east-1:123456789012:order-events","Subject":"CreateOrder",
                  "Message":"{\\"orderId\\":\\"sns-1\\",\\"customerId\\":\\"ann\\"}",
                  "Timestamp":"2026-11-27T06:00:00.000Z","SignatureVersion":"1","Signature":"x",
                  "SigningCertUrl":"https://sns.us-east-1.amazonaws.com/cert.pem","UnsubscribeUrl":"https://x",
                  "MessageAttributes":{"command-type":{"Type":"String","Value":"CreateOrder"}}}}]}
                """;
    }

    private static String eventBridge() {
        return """
                {"version":"0","id":"eb-event-1","detail-type":"CheckoutCompleted","source":"com.example.shop",
                 "account":"111122223333","time":"2026-11-27T06:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"orderId":"eb-1","customerId":"eve"}}
                """;
    }

    private static String s3() {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-11-27T06:00:00.000Z","eventName":"ObjectCreated:Put",
                 "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"192.0.2.1"},
                 "responseElements":{"x-amz-request-id":"D82B","x-amz-id-2":"vlR7"},
                 "s3":{"s3SchemaVersion":"1.0","configurationId":"drops",
                  "bucket":{"name":"order-drops","ownerIdentity":{"principalId":"A3I5"},"arn":"arn:aws:s3:::order-drops"},
                  "object":{"key":"incoming/cust+9/s3-1.json","size":2,"eTag":"b21b","sequencer":"0C0F"}}}]}
                """;
    }

    private static String dynamoDbStream() {
        return """
                {"Records":[{"eventID":"e-1","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb",
                 "awsRegion":"us-east-1","dynamodb":{"ApproximateCreationDateTime":1795000000,
                 "Keys":{"PK":{"S":"order-ddb-1"},"SK":{"S":"00000000000000000001"}},
                 "NewImage":{"PK":{"S":"order-ddb-1"},"SK":{"S":"00000000000000000001"},
                  "event_type":{"S":"OrderCreated"},"payload":{"S":"{\\"orderId\\":\\"ddb-1\\",\\"customerId\\":\\"dee\\"}"},
                  "metadata":{"S":"{}"},"timestamp":{"S":"2026-11-27T08:00:00Z"},"global_position":{"N":"100"}},
                 "SequenceNumber":"1","SizeBytes":200,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                 "eventSourceARN":"arn:aws:dynamodb:us-east-1:000000000000:table/events/stream/2026-11-27T00:00:00.000"}]}
                """;
    }
}
