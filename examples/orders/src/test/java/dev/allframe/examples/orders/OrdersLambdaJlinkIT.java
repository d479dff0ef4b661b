package dev.allframe.examples.orders;

import dev.allframe.testkit.Tools;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.RuntimeApiEmulator.InvocationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static dev.allframe.examples.orders.OrdersLambdaIT.event;
import static dev.allframe.examples.orders.OrdersLambdaIT.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custom runtime on a jlink'd image: the module list that {@code jdeps} computes for the jars of
 * {@code target/orders-lambda.zip} is the one {@code allframe-lambda/README.md} documents, and an image linked from
 * exactly that list runs the package through AllFrame's {@code bootstrap} script (its default {@code ./jre/bin/java},
 * as in a deployed {@code provided.al2023} function): create an order, read it back.
 */
class OrdersLambdaJlinkIT {
    static final Path README = Path.of("..", "..", "allframe-lambda", "README.md");

    @TempDir
    Path tmp;

    @Test
    void thePackageRunsOnAnImageLinkedFromTheModulesJdepsFindsWhichTheReadmeLists() throws Exception {
        Path sh = Tools.require("sh", "run the custom runtime's bootstrap script");
        ToolProvider jdeps = tool("jdeps");
        ToolProvider jlink = tool("jlink");
        Path task = OrdersLambdaIT.unzip(OrdersLambdaIT.ZIP, tmp.resolve("task"));

        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", "21"));
        try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
            jars.map(Path::toString).sorted().forEach(args::add);
        }
        String modules = run(jdeps, args).strip();
        assertThat(modules).startsWith("java.base").contains("java.sql");
        assertThat(Files.readString(README))
                .as("allframe-lambda/README.md must document the jlink list jdeps computes for the example's package")
                .contains("--add-modules " + modules + " ");

        run(jlink, List.of("--add-modules", modules, "--strip-debug", "--no-man-pages", "--no-header-files",
                "--output", task.resolve("jre").toString()));
        Files.copy(OrdersLambdaAppCdsIT.BOOTSTRAP, task.resolve("bootstrap"));

        Path log = tmp.resolve("bootstrap.log");
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("orders")) {
            ProcessBuilder pb = new ProcessBuilder(sh.toString(), "bootstrap").directory(task.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.remove("ALLFRAME_JAVA"); // the image's own java, as deployed
            env.put("AWS_LAMBDA_RUNTIME_API", emulator.address());
            env.put("LAMBDA_TASK_ROOT", task.toString());
            env.put("_HANDLER", OrdersLambda.class.getName());
            env.put("ALLFRAME_STORE", "memory:");
            Process p = pb.start();
            try {
                InvocationResult created = await(emulator, event("POST", "/orders", "{\"customerId\":\"c-jlink\"}"),
                        log);
                Map<String, Object> doc = json(created.body());
                assertThat(((Number) doc.get("statusCode")).intValue()).as(created.body()).isEqualTo(201);
                @SuppressWarnings("unchecked")
                String location = (String) ((Map<String, Object>) doc.get("headers")).get("location");
                InvocationResult read = await(emulator, event("GET", location, null), log);
                assertThat(((Number) json(read.body()).get("statusCode")).intValue()).isEqualTo(200);
                assertThat(json((String) json(read.body()).get("body"))).containsEntry("customerId", "c-jlink");
            } finally {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static InvocationResult await(RuntimeApiEmulator emulator, String event, Path log) throws IOException {
        try {
            InvocationResult r = RuntimeApiEmulator.await(emulator.invoke(event), OrdersLambdaIT.WAIT);
            assertThat(r.success()).as(r.body()).isTrue();
            return r;
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nbootstrap output:\n" + Files.readString(log), e);
        }
    }

    private static ToolProvider tool(String name) {
        return ToolProvider.findFirst(name).orElseGet(() -> {
            Tools.unavailable("the JDK running the build has no " + name + " (a JRE?); it is needed to link the"
                    + " custom runtime's image");
            return null;
        });
    }

    private static String run(ToolProvider tool, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = tool.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(tool.name() + " " + args + "\n" + text + err.toString(StandardCharsets.UTF_8))
                .isZero();
        return text;
    }
}
