package dev.allframe.lambda;

import dev.allframe.testkit.lambda.LambdaProcess;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With this module on the class path, {@link LambdaLogFinder} is the JDK's logger finder in every process; its
 * "LEVEL RequestId:" lines belong to Lambda only. Each case is a fresh JVM with a chosen environment.
 */
class LogFormatOutsideLambdaTest {
    @Test
    void aLocalProcessLogsInTheJdkDefaultFormatWithoutARequestIdPrefix() throws Exception {
        String err = run(Map.of());
        assertThat(err).doesNotContain("RequestId:");
        // java.util.logging's default SimpleFormatter: a date/source line, then "LEVEL: message".
        assertThat(err).contains("LogOnce main").contains("WARNING: hello there");
    }

    @Test
    void cloudRunInTextModeLogsInTheJdkDefaultFormat() throws Exception {
        String err = run(Map.of("K_SERVICE", "orders", "ALLFRAME_LOG_FORMAT", "text"));
        assertThat(err).doesNotContain("RequestId:").contains("WARNING: hello there");
    }

    @Test
    void underLambdaEachLineStartsWithTheLevelAndRequestId() throws Exception {
        assertThat(run(Map.of("AWS_LAMBDA_FUNCTION_NAME", "orders-http")))
                .contains("WARNING RequestId: - dev.allframe.test.LogOnce - hello there");
        assertThat(run(Map.of("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")))
                .contains("WARNING RequestId: - dev.allframe.test.LogOnce - hello there");
    }

    private static String run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", LambdaProcess.Builder.testClassPath(), LogOnce.class.getName());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ALLFRAME_") || k.startsWith("K_"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(err).isZero();
            return err;
        } finally {
            p.destroyForcibly();
        }
    }
}
