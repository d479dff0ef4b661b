package dev.allframe.lambda;

import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.allframe.lambda.AllFrameHandlerTest.fixture;
import static dev.allframe.lambda.ManagedRuntimeTest.json;
import static dev.allframe.testkit.lambda.RuntimeApiEmulator.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The custom-runtime loop ({@code provided.al2023}) in a child JVM against the Runtime API emulator. */
class CustomRuntimeTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @Test
    void servesInvocationsSurvivesAFailingOneAndStopsWhenTheRuntimeApiGoesAway() {
        LambdaProcess p;
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start()) {
            p = LambdaProcess.builder(emu).jvmOptions(JVM).main(LambdaRuntime.class.getName())
                    .handler(EchoLambda.class.getName()).env("ALLFRAME_LOG", "info").start();
            try (p) {
                InvocationResult ok = await(emu.invoke(fixture("http-v2.json")), WAIT);
                assertThat(ok.success()).as(p.output()).isTrue();
                Map<String, Object> echo = json((String) json(ok.body()).get("body"));
                assertThat(echo.get("lambdaRequestId")).isEqualTo(ok.requestId());
                assertThat(echo.get("functionArn")).isEqualTo(emu.functionArn());
                assertThat(echo.get("traceHeader")).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
                assertThat(((Number) echo.get("remainingMs")).longValue()).isBetween(1L, 30_000L);

                InvocationResult bad = await(emu.invoke("not json"), WAIT);
                assertThat(bad.success()).isFalse();
                assertThat(bad.errorType()).isEqualTo("Runtime.UserException");
                assertThat(json(bad.body()).get("errorType")).isEqualTo(MalformedEventException.class.getName());
                assertThat(json(bad.body()).get("errorMessage").toString()).contains("not valid JSON");
                assertThat((List<?>) json(bad.body()).get("stackTrace")).isNotEmpty();

                InvocationResult boom = await(emu.invoke(fixture("http-v2-minimal.json")
                        .replace("\"/health\"", "\"/boom\"")), WAIT);
                assertThat(boom.success()).isTrue();
                assertThat(((Number) json(boom.body()).get("statusCode")).intValue()).isEqualTo(500);

                InvocationResult again = await(emu.invoke(fixture("alb-multi.json")), WAIT);
                assertThat(again.success()).isTrue();
                assertThat(p.output()).contains("ERROR RequestId: " + boom.requestId()
                        + " dev.allframe.http.Router - Unhandled exception");
                assertThat(emu.protocolErrors()).isEmpty();
            }
        }
    }

    static final String CLIENT_CONTEXT = """
            {"client":{"installation_id":"inst-1","app_title":"Orders","app_version_name":"1.2",\
            "app_version_code":"12","app_package_name":"com.example.orders"},\
            "custom":{"tenant":"acme"},"env":{"platform":"Android","locale":"en_GB"}}""";
    static final String COGNITO_IDENTITY = """
            {"cognitoIdentityId":"eu-west-1:1234-abcd","cognitoIdentityPoolId":"eu-west-1:pool-9"}""";

    /** The same assertions run under the official runtime interface client in {@link ManagedRuntimeTest}. */
    static void assertMobileContextReachesTheHandler(RuntimeApiEmulator emu, LambdaProcess p) {
        String event = fixture("http-v2-minimal.json").replace("\"/health\"", "\"/mobile\"");
        InvocationResult mobile = await(emu.invoke(event, WAIT, null, CLIENT_CONTEXT, COGNITO_IDENTITY), WAIT);
        assertThat(mobile.success()).as(p.output()).isTrue();
        Map<String, Object> seen = json((String) json(mobile.body()).get("body"));
        assertThat(seen).containsEntry("identityId", "eu-west-1:1234-abcd")
                .containsEntry("identityPoolId", "eu-west-1:pool-9")
                .containsEntry("installationId", "inst-1").containsEntry("appTitle", "Orders")
                .containsEntry("appVersionName", "1.2").containsEntry("appVersionCode", "12")
                .containsEntry("appPackageName", "com.example.orders")
                .containsEntry("custom", Map.of("tenant", "acme"))
                .containsEntry("env", Map.of("platform", "Android", "locale", "en_GB"));

        InvocationResult plain = await(emu.invoke(event), WAIT);
        assertThat(json((String) json(plain.body()).get("body"))).as("no headers: no identity, no client context")
                .isEmpty();
    }

    @Test
    void passesTheMobileSdkClientContextAndCognitoIdentityHeadersToTheHandlersContext() {
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start();
             LambdaProcess p = LambdaProcess.builder(emu).jvmOptions(JVM).main(LambdaRuntime.class.getName())
                     .handler(EchoLambda.class.getName()).start()) {
            assertMobileContextReachesTheHandler(emu, p);
            assertThat(emu.protocolErrors()).isEmpty();
        }
    }

    @Test
    void exitsWithStatusOneWhenTheRuntimeApiIsGone() {
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start();
             LambdaProcess p = LambdaProcess.builder(emu).jvmOptions(JVM).main(LambdaRuntime.class.getName())
                     .handler(EchoLambda.class.getName()).start()) {
            assertThat(await(emu.invoke(fixture("http-v2-minimal.json")), WAIT).success()).isTrue();
            emu.close();
            assertThat(p.waitForExit(WAIT)).as(p.output()).contains(1);
            assertThat(p.output()).contains("The Runtime API is unreachable");
        }
    }

    @Test
    void reportsAFailingConstructorToInitErrorAndExits() {
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start();
             LambdaProcess p = LambdaProcess.builder(emu).jvmOptions(JVM).main(LambdaRuntime.class.getName())
                     .handler(BrokenInitLambda.class.getName()).start()) {
            RuntimeApiEmulator.InitError e = await(emu.initError(), WAIT);
            assertThat(e.errorType()).isEqualTo("Runtime.UserException");
            assertThat(json(e.body()).get("errorMessage")).isEqualTo("EVENT_TABLE is not set");
            assertThat(json(e.body()).get("errorType")).isEqualTo(IllegalStateException.class.getName());
            assertThat(p.waitForExit(WAIT)).contains(1);
            assertThat(emu.nextCalls()).isZero();
        }
    }

    @Test
    void reportsAnUnknownHandlerClassToInitError() {
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start();
             LambdaProcess p = LambdaProcess.builder(emu).jvmOptions(JVM).main(LambdaRuntime.class.getName())
                     .handler("com.example.Missing").start()) {
            RuntimeApiEmulator.InitError e = await(emu.initError(), WAIT);
            assertThat(json(e.body()).get("errorMessage")).isEqualTo("Handler class not found: com.example.Missing");
            assertThat(p.waitForExit(WAIT)).contains(1);
        }
    }
}
