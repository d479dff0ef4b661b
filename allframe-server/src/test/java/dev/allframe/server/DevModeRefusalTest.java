package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The development endpoints inject events and describe the service: a server refuses to start with them where a
 * service is deployed (Cloud Run's {@code K_SERVICE}, Lambda's {@code AWS_LAMBDA_*}), with one line and a non-zero
 * exit for a {@code main}, and without building the development routes.
 */
class DevModeRefusalTest {
    private static final Router ROUTER = Router.builder().get("/", req -> Response.text("ok")).build();

    @Test
    void refusesToBuildWithAllframeDevOnCloudRunOrLambdaWithoutBuildingTheDevelopmentRoutes() {
        AtomicInteger built = new AtomicInteger();
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("ALLFRAME_DEV", "1", "K_SERVICE", "orders",
                        "ALLFRAME_LOG_FORMAT", "text")).router(ROUTER)
                .devRoutes(r -> built.incrementAndGet()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("error: refusing to start: ALLFRAME_DEV=1 turns on the development endpoints, which must "
                        + "never run deployed, and K_SERVICE is set (Cloud Run); unset ALLFRAME_DEV there "
                        + "(it is for allframe dev)");
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("ALLFRAME_DEV", "true",
                        "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_NAME", "orders-http"))
                .router(ROUTER).devRoutes(r -> built.incrementAndGet()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("error: refusing to start: ALLFRAME_DEV=true turns on the development endpoints, which "
                        + "must never run deployed, and AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_RUNTIME_API are set "
                        + "(AWS Lambda); unset ALLFRAME_DEV there (it is for allframe dev)");
        assertThat(built).hasValue(0);
    }

    @Test
    void refusesDevEndpointsTurnedOnInCodeWhenTheEnvironmentIsDeployed() {
        assertThatThrownBy(() -> HttpServer.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"))
                .router(ROUTER).devEndpoints(true).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("error: refusing to start: devEndpoints(true) turns on the development endpoints, which "
                        + "must never run deployed, and AWS_LAMBDA_FUNCTION_NAME is set (AWS Lambda); call "
                        + "devEndpoints(true) only in development");
    }

    @Test
    void aDeployedServerWithoutDevelopmentModeAndALocalOneWithItStillBuild() {
        HttpServer.fromEnvironment(Map.of("K_SERVICE", "orders", "ALLFRAME_DEV", "0", "ALLFRAME_LOG_FORMAT", "text"))
                .router(ROUTER).build();
        HttpServer.fromEnvironment(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f")).router(ROUTER).build();
        HttpServer.fromEnvironment(Map.of("ALLFRAME_DEV", "1", "K_SERVICE", " ")).router(ROUTER).build();
    }

    @Test
    void aMainExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
        for (Map<String, String> env : List.of(
                Map.of("ALLFRAME_DEV", "1", "K_SERVICE", "orders"),
                Map.of("ALLFRAME_DEV", "1", "AWS_LAMBDA_FUNCTION_NAME", "orders-http"))) {
            Child child = run(env);
            assertThat(child.exit).as("%s; stderr: %s", env, child.stderr).isEqualTo(2);
            assertThat(child.stderr).as("%s", env).hasSize(1);
            assertThat(child.stderr.get(0)).startsWith("error: refusing to start: ALLFRAME_DEV=1 turns on")
                    .contains(env.containsKey("K_SERVICE") ? "K_SERVICE is set (Cloud Run)"
                            : "AWS_LAMBDA_FUNCTION_NAME is set (AWS Lambda)");
            assertThat(child.stdout).as("%s", env).isEmpty();
        }
    }

    private record Child(int exit, List<String> stdout, List<String> stderr) {
    }

    /** Runs {@link CloudRunMain}, a {@code main} like an application's, in a child JVM with this environment. */
    private static Child run(Map<String, String> extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CloudRunMain.class.getName());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("K_") || k.startsWith("ALLFRAME_") || k.startsWith("AWS_LAMBDA_")
                || k.endsWith("JAVA_OPTIONS") || k.equals("JAVA_TOOL_OPTIONS"));
        env.put("PORT", "0");
        env.putAll(extra);
        Process p = pb.start();
        List<String> stdout = new CopyOnWriteArrayList<>();
        List<String> stderr = new CopyOnWriteArrayList<>();
        Thread out = Thread.ofVirtual().start(() -> collect(p.getInputStream(), stdout));
        Thread err = Thread.ofVirtual().start(() -> collect(p.getErrorStream(), stderr));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
            boolean listening = Stream.concat(stdout.stream(), stderr.stream()).anyMatch(l -> l.contains("listening on"));
            if (listening || System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the server started (or hung) instead of refusing: " + stdout + stderr);
            }
        }
        out.join(5000); // the child is gone: both pipes are at their end
        err.join(5000);
        return new Child(p.exitValue(), List.copyOf(stdout), List.copyOf(stderr));
    }

    private static void collect(InputStream in, List<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }
}
