package dev.allframe.testkit.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static dev.allframe.testkit.lambda.RuntimeApiEmulator.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuntimeApiEmulatorTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    final RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders");
    final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        emulator.close();
    }

    String url(String path) {
        return "http://" + emulator.address() + "/2018-06-01/runtime" + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            b.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void nextWaitsForAnInvocationAndCarriesTheRuntimeHeaders() throws Exception {
        CompletableFuture<HttpResponse<String>> next = client.sendAsync(
                HttpRequest.newBuilder(URI.create(url("/invocation/next"))).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        assertThat(next).isNotDone();

        long before = System.currentTimeMillis();
        CompletableFuture<RuntimeApiEmulator.InvocationResult> result = emulator.invoke("{\"a\":1}");
        HttpResponse<String> inv = await(next, WAIT);
        assertThat(inv.statusCode()).isEqualTo(200);
        assertThat(inv.body()).isEqualTo("{\"a\":1}");
        String id = inv.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        assertThat(inv.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains("arn:aws:lambda:us-east-1:123456789012:function:orders");
        assertThat(Long.parseLong(inv.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow()))
                .isBetween(before + 29_000, before + 31_000 + 1000);
        assertThat(inv.headers().firstValue("Lambda-Runtime-Trace-Id")).isPresent();

        assertThat(post("/invocation/" + id + "/response", "{\"ok\":true}", null).statusCode()).isEqualTo(202);
        RuntimeApiEmulator.InvocationResult r = await(result, WAIT);
        assertThat(r.success()).isTrue();
        assertThat(r.requestId()).isEqualTo(id);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        assertThat(emulator.nextCalls()).isEqualTo(1);
    }

    @Test
    void invocationsAreServedInOrderAndErrorsAreRecordedWithTheirType() throws Exception {
        CompletableFuture<RuntimeApiEmulator.InvocationResult> first = emulator.invoke("1");
        CompletableFuture<RuntimeApiEmulator.InvocationResult> second = emulator.invoke("2");
        HttpResponse<String> a = get("/invocation/next");
        assertThat(a.body()).isEqualTo("1");
        post("/invocation/" + a.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow() + "/error",
                "{\"errorMessage\":\"bad\",\"errorType\":\"X\"}", "Runtime.UserException");
        HttpResponse<String> b = get("/invocation/next");
        assertThat(b.body()).isEqualTo("2");
        RuntimeApiEmulator.InvocationResult failed = await(first, WAIT);
        assertThat(failed.success()).isFalse();
        assertThat(failed.errorType()).isEqualTo("Runtime.UserException");
        assertThat(failed.body()).contains("\"errorMessage\":\"bad\"");
        assertThat(second).isNotDone();
    }

    @Test
    void rejectsAnAnswerForAnUnknownOrAlreadyAnsweredRequestId() throws Exception {
        emulator.invoke("{}");
        String id = get("/invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        assertThat(post("/invocation/" + id + "/response", "{}", null).statusCode()).isEqualTo(202);
        assertThat(post("/invocation/" + id + "/response", "{}", null).statusCode()).isEqualTo(400);
        assertThat(post("/invocation/nope/response", "{}", null).statusCode()).isEqualTo(400);
        assertThat(get("/invocation/what").statusCode()).isEqualTo(404);
        assertThat(emulator.protocolErrors()).hasSize(3);
    }

    @Test
    void anOversizedResponseFailsTheInvocationLikeLambda() throws Exception {
        CompletableFuture<RuntimeApiEmulator.InvocationResult> r = emulator.invoke("{}");
        String id = get("/invocation/next").headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        String big = "x".repeat(RuntimeApiEmulator.MAX_RESPONSE_BYTES + 1);
        assertThat(post("/invocation/" + id + "/response", big, null).statusCode()).isEqualTo(413);
        assertThat(await(r, WAIT).errorType()).isEqualTo("Function.ResponseSizeTooLarge");
    }

    @Test
    void recordsInitErrors() throws Exception {
        assertThat(post("/init/error", "{\"errorMessage\":\"no config\"}", "Runtime.UserException").statusCode())
                .isEqualTo(202);
        RuntimeApiEmulator.InitError e = await(emulator.initError(), WAIT);
        assertThat(e.errorType()).isEqualTo("Runtime.UserException");
        assertThat(e.body()).contains("no config");
    }

    @Test
    void closingFailsPendingInvocationsAndRefusesNewOnes() {
        CompletableFuture<RuntimeApiEmulator.InvocationResult> pending = emulator.invoke("{}");
        emulator.close();
        assertThat(pending).isCompletedExceptionally();
        assertThatThrownBy(() -> emulator.invoke("{}")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
