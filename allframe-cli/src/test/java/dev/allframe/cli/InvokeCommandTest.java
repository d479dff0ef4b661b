package dev.allframe.cli;

import dev.allframe.cli.testfn.OrdersFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InvokeCommandTest {
    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = AllFrameCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/invoke/" + name)) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void anSqsEventRunsThroughTheRealHandlerAndPrintsItsPartialFailures() throws IOException {
        long before = OrdersFunction.STORE.version("order-cli-1");
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler",
                OrdersFunction.class.getName())).isZero();
        assertThat(out.toString().strip()).isEqualTo(
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"2e1424d4-f796-459a-8184-9c92662be6da\"}]}");
        assertThat(OrdersFunction.STORE.version("order-cli-1")).isEqualTo(before + 1);
    }

    @Test
    void aDashReadsTheEventFromStandardInput() throws IOException {
        InputStream stdin = System.in;
        try (InputStream event = Files.newInputStream(fixture("sqs.json"))) {
            System.setIn(event);
            assertThat(run("invoke", "--event", "-", "--handler", OrdersFunction.class.getName())).isZero();
        } finally {
            System.setIn(stdin);
        }
        assertThat(out.toString()).contains("2e1424d4-f796-459a-8184-9c92662be6da");
    }

    @Test
    void anHttpEventIsAnsweredByTheRouter() throws IOException {
        Path http = dir.resolve("http.json");
        Files.writeString(http, "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/ping\","
                + "\"rawQueryString\":\"\",\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\","
                + "\"path\":\"/ping\",\"sourceIp\":\"127.0.0.1\"},\"requestId\":\"r\",\"stage\":\"$default\"},"
                + "\"isBase64Encoded\":false}");
        assertThat(run("invoke", "--event", http.toString(), "--handler", OrdersFunction.class.getName())).isZero();
        assertThat(out.toString()).contains("\"statusCode\":200").contains("pong");
    }

    @Test
    void aFunctionErrorExitsOneWithTheErrorTypeAsLambdaReportsIt() throws IOException {
        assertThat(run("invoke", "--event", fixture("eventbridge-unknown.json").toString(), "--handler",
                OrdersFunction.class.getName())).isEqualTo(1);
        assertThat(err.toString()).contains("\"errorType\":\"dev.allframe.lambda.events.EventDispatchException\"")
                .contains("no route for detail-type 'OrderShipped'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anInitFailureIsAFunctionErrorToo() throws IOException {
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler",
                "dev.allframe.cli.testfn.BrokenFunction")).isEqualTo(1);
        assertThat(err.toString()).contains("Runtime.InitError: java.lang.IllegalStateException")
                .contains("EVENT_TABLE is not set");
    }

    @Test
    void usageErrorsExitTwoNamingWhatIsWrong() throws IOException {
        assertThat(run("invoke", "--event", dir.resolve("missing.json").toString(), "--handler", "x.Y"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no event file at").contains("missing.json");
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler", "com.example.Nope"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("handler class com.example.Nope not found").contains("--classpath");
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler", "java.lang.String"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("java.lang.String is not a Lambda stream handler");
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler", "x.Y", "--classpath",
                dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--classpath entry").contains("does not exist");
        assertThat(run("invoke", "--handler", "x.Y")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--event=FILE'");
    }

    @Test
    void withClasspathTheFunctionSeesOnlyItsOwnJarsNotTheClisLibraries() throws IOException {
        // The test classes alone: the handler's superclass (allframe-lambda) is on the CLI's class path, not here.
        Path classes = Path.of("target/test-classes").toAbsolutePath();
        assertThat(run("invoke", "--event", fixture("sqs.json").toString(), "--handler",
                OrdersFunction.class.getName(), "--classpath", classes.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("error: " + OrdersFunction.class.getName()
                + " needs class dev.allframe.lambda.AllFrameHandler, which is not on --classpath " + classes
                + "; it must hold the function's classes and every jar they use");
    }

    @Test
    void helpDescribesTheOptionsAndExitCodes() {
        assertThat(run("invoke", "--help")).isZero();
        assertThat(out.toString()).contains("--event=FILE").contains("--handler=CLASS").contains("--classpath")
                .contains("1 function error");
    }
}
