package dev.allframe.cli;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.cli.testfn.OrdersFunction;
import dev.allframe.lambda.local.LocalEventsRoutes;
import dev.allframe.server.HttpServer;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code allframe events send ...} against a real local server in development mode, over real HTTP. */
class EventsCommandTest {
    private static HttpServer dev;
    private static HttpServer deployed;
    private static String url;

    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;

    @BeforeAll
    static void startServers() {
        Router app = Router.builder().get("/ping", r -> Response.text("pong")).build();
        dev = HttpServer.fromEnvironment(Map.of("PORT", "0", "ALLFRAME_DEV", "1")).host("127.0.0.1").router(app)
                .devRoutes(routes -> LocalEventsRoutes.register(routes, new OrdersFunction()))
                .build().start();
        url = "http://127.0.0.1:" + dev.port();
        deployed = HttpServer.fromEnvironment(Map.of("PORT", "0")).host("127.0.0.1").router(app)
                .devRoutes(routes -> LocalEventsRoutes.register(routes, new OrdersFunction()))
                .build().start();
    }

    @AfterAll
    static void stopServers() {
        dev.close();
        deployed.close();
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = AllFrameCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void anSqsBatchWithAPoisonMessageExitsOneNamingExactlyThatMessageAndARedeliveryAppendsNothing() {
        String[] args = {"events", "send", "sqs", "--queue", "orders-queue", "--url", url,
                "--body", "{\"orderId\":\"cli-a\",\"customer\":\"ann\"}", "--body", "this is not json",
                "--body", "{\"orderId\":\"cli-b\",\"customer\":\"bob\"}",
                "--message-id", "a1", "--message-id", "p1", "--message-id", "b1"};
        assertThat(run(args)).isEqualTo(1);
        assertThat(out.toString().strip()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"p1\"}],"
                + "\"results\":[{\"messageId\":\"a1\",\"status\":\"succeeded\"},{\"messageId\":\"p1\",\"status\":"
                + "\"failed\"},{\"messageId\":\"b1\",\"status\":\"succeeded\"}]}");
        assertThat(err.toString()).startsWith("error: some messages failed");
        assertThat(OrdersFunction.STORE.version("order-cli-a")).isEqualTo(1);
        assertThat(OrdersFunction.STORE.version("order-cli-b")).isEqualTo(1);

        assertThat(run(args)).isEqualTo(1);
        assertThat(OrdersFunction.STORE.version("order-cli-a")).as("deduplicated by message id").isEqualTo(1);

        assertThat(run("events", "send", "sqs", "--queue", "orders-queue", "--url", url,
                "--body", "{\"orderId\":\"cli-c\",\"customer\":\"cy\"}")).isZero();
        assertThat(out.toString()).startsWith("{\"batchItemFailures\":[],\"results\":[{\"messageId\":\"");
        assertThat(OrdersFunction.STORE.version("order-cli-c")).isEqualTo(1);
    }

    @Test
    void anEventBridgeDetailFromAFileBecomesACommand() throws Exception {
        Path detail = Files.writeString(dir.resolve("detail.json"), "{\"orderId\":\"cli-eb\",\"customer\":\"eve\"}");
        assertThat(run("events", "send", "eventbridge", "--url", url, "--source", "com.example.shop",
                "--detail-type", "OrderPlaced", "--detail", "@" + detail, "--id", "eb-1")).as(err::toString).isZero();
        assertThat(out.toString().strip())
                .isEqualTo("{\"id\":\"eb-1\",\"command\":\"PlaceOrder\",\"outcome\":\"dispatched\"}");
        assertThat(OrdersFunction.STORE.version("order-cli-eb")).isEqualTo(1);
        assertThat(run("events", "send", "eventbridge", "--url", url, "--source", "x", "--detail-type", "Unknown",
                "--detail", "{}")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: The invocation failed: EventBridge event")
                .contains("no route for detail-type 'Unknown'").doesNotContain("\tat ");
    }

    @Test
    void anSnsNotificationToATopicWithoutARouteIsAFunctionErrorAndExitsOne() {
        assertThat(run("events", "send", "sns", "--url", url, "--topic", "order-events", "--message",
                "{\"orderId\":\"cli-sns\",\"customer\":\"sue\"}", "--subject", "hello")).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("error: The invocation failed: SNS message(s)")
                .contains("no route for SNS topic 'order-events'").endsWith("(HTTP 500)");
        assertThat(OrdersFunction.STORE.version("order-cli-sns")).isZero();
    }

    @Test
    void aMalformedRawEventOrAnUnservedKindIsOneLineAndExitTwo() throws Exception {
        Path event = Files.writeString(dir.resolve("bad.json"), "{\"Records\":[{\"eventSource\":\"aws:sqs\"}]}");
        assertThat(run("events", "send", "--event", event.toString(), "--url", url)).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: The SQS event is malformed: 'Records[0].messageId'"
                + " must be a string, but is missing (HTTP 400)");
        assertThat(run("events", "send", "s3", "--bucket", "b", "--key", "a key/x.txt", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("no S3Handler");
        assertThat(run("events", "send", "--event", dir.resolve("missing.json").toString(), "--url", url))
                .isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("error: --event: no file ");
        assertThat(run("events", "send", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("give --event FILE, or a subcommand");
        assertThat(run("events", "send", "sqs", "--queue", "q", "--body", "{}", "--message-id", "a", "--message-id",
                "b", "--url", url)).isEqualTo(2);
        assertThat(err.toString()).contains("--message-id is given 2 time(s) for 1 --body");
    }

    @Test
    void withNoDevServerOrADeployedOneTheErrorIsOneClearLine() throws Exception {
        int nobody = FreePort.pick();
        assertThat(run("events", "send", "sqs", "--queue", "q", "--body", "{}", "--url",
                "http://127.0.0.1:" + nobody)).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("error: no dev server at http://127.0.0.1:" + nobody)
                .endsWith("start one with 'allframe dev', or pass --url");

        assertThat(run("events", "send", "sqs", "--queue", "orders-queue", "--body", "{}", "--url",
                "http://127.0.0.1:" + deployed.port())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .contains("has no local event endpoints: run the application with 'allframe dev' (ALLFRAME_DEV=1)");
    }

    @Test
    void everyEventsCommandAnswersHelp() {
        for (String[] cmd : new String[][] {{"events", "--help"}, {"events", "send", "--help"},
                {"events", "send", "sqs", "--help"}, {"events", "send", "sns", "--help"},
                {"events", "send", "eventbridge", "--help"}, {"events", "send", "s3", "--help"},
                {"events", "send", "dynamodb", "--help"}}) {
            assertThat(run(cmd)).as(String.join(" ", cmd)).isZero();
            assertThat(out.toString()).as(String.join(" ", cmd)).startsWith("Usage: allframe events")
                    .contains("--help");
        }
        run("events", "send", "--help");
        assertThat(out.toString()).contains("sqs", "sns", "eventbridge", "s3", "dynamodb", "--event");
    }
}
