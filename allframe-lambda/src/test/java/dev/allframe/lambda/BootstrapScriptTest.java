package dev.allframe.lambda;

import dev.allframe.testkit.Tools;
import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.TaskRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.allframe.lambda.AllFrameHandlerTest.fixture;
import static dev.allframe.testkit.lambda.RuntimeApiEmulator.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The shipped {@code bootstrap} script, run as Lambda runs it: from the task root, with the handler in _HANDLER. */
class BootstrapScriptTest {
    @Test
    void bootstrapStartsTheCustomRuntimeFromADeploymentLayout(@TempDir Path task) throws Exception {
        Path sh = Tools.require("sh", "run the custom runtime's bootstrap script");
        TaskRoot root = TaskRoot.create(LambdaProcess.Builder.testClassPath(), task);
        for (String entry : root.runtimeClassPath().split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.getFileName().toString().startsWith("aws-lambda-java-core")) {
                Files.copy(p, task.resolve("lib").resolve(p.getFileName()));
            }
        }
        Files.copy(Path.of("src/main/dist/bootstrap"), task.resolve("bootstrap"));
        try (RuntimeApiEmulator emu = RuntimeApiEmulator.start()) {
            ProcessBuilder pb = new ProcessBuilder(sh.toString(), "bootstrap").directory(task.toFile())
                    .redirectErrorStream(true).redirectOutput(task.resolve("out.log").toFile());
            pb.environment().put("AWS_LAMBDA_RUNTIME_API", emu.address());
            pb.environment().put("LAMBDA_TASK_ROOT", task.toString());
            pb.environment().put("_HANDLER", EchoLambda.class.getName());
            pb.environment().put("ALLFRAME_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            Process p = pb.start();
            try {
                RuntimeApiEmulator.InvocationResult r = await(emu.invoke(fixture("http-v2-minimal.json")),
                        Duration.ofSeconds(30));
                assertThat(r.success()).as(Files.readString(task.resolve("out.log"))).isTrue();
                assertThat(r.body()).startsWith("{\"statusCode\":200,");
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void bootstrapExplainsAMissingJre(@TempDir Path task) throws Exception {
        Path sh = Tools.require("sh", "run the custom runtime's bootstrap script");
        Files.copy(Path.of("src/main/dist/bootstrap"), task.resolve("bootstrap"));
        Process p = new ProcessBuilder(sh.toString(), "bootstrap").directory(task.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(127);
        assertThat(out).contains("no Java runtime at ./jre/bin/java");
    }
}
