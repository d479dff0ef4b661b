package dev.allframe.examples.orders;

import dev.allframe.json.JsonCodecs;
import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the container image Jib built ({@code target/jib-image.tar}, bound to {@code pre-integration-test}) without
 * a Docker engine: its manifest and config are read from the tarball, and its application layers are extracted and
 * run with the JDK running this test, following the image's own entrypoint.
 */
class ContainerImageIT {
    private static final Path IMAGE = Path.of("target", "jib-image.tar");
    private static final Map<String, byte[]> FILES = new HashMap<>();
    private static Map<String, Object> config;
    private static List<String> layers;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readTarball() throws Exception {
        assertThat(IMAGE).as("mvn verify builds the image before the ITs").exists();
        try (InputStream in = Files.newInputStream(IMAGE)) {
            Tar.read(in, e -> FILES.put(e.name(), e.content()));
        }
        List<Map<String, Object>> manifest = JsonCodecs.defaultCodec().read(FILES.get("manifest.json"), List.class);
        assertThat(manifest).hasSize(1);
        assertThat((List<String>) manifest.get(0).get("RepoTags")).containsExactly("allframe/orders:0.1.0-SNAPSHOT");
        layers = (List<String>) manifest.get(0).get("Layers");
        config = JsonCodecs.defaultCodec().read(FILES.get((String) manifest.get(0).get("Config")), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageRunsJavaAsANonRootUserOnPort8080WithTheAppCdsArchiveWhenPresent() {
        Map<String, Object> c = (Map<String, Object>) config.get("config");
        List<String> entrypoint = (List<String>) c.get("Entrypoint");
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:SharedArchiveFile=/app/cds/app.jsa", "-Xshare:auto")
                .endsWith("-cp", "@/app/jib-classpath-file", OrdersApp.class.getName());
        assertThat((Map<String, Object>) c.get("ExposedPorts")).containsOnlyKeys("8080/tcp");
        String user = (String) c.get("User");
        assertThat(user).isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
        assertThat((List<String>) c.get("Env")).contains("ALLFRAME_STORE=sqlite:/tmp/allframe/orders.db")
                .anyMatch(e -> e.startsWith("PATH=") && e.contains("/opt/java/bin"));
        assertThat(config).containsEntry("os", "linux");
        // base (runtime) layer + Jib's dependencies, snapshot dependencies, resources, classes, extra files
        assertThat(layers).hasSizeGreaterThanOrEqualTo(4).allSatisfy(l -> assertThat(FILES).containsKey(l));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApplicationLayersRunFromTheExtractedTarballAnswerHealthAndExitZeroOnSigterm() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "image-root-").toAbsolutePath();
        for (String layer : layers) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(FILES.get(layer)))) {
                Tar.read(in, e -> {
                    if (e.isFile() && e.name().startsWith("app/")) {
                        Path target = root.resolve(e.name()).normalize();
                        assertThat(target.startsWith(root)).as("entry inside the root: %s", e.name()).isTrue();
                        Files.createDirectories(target.getParent());
                        Files.write(target, e.content());
                    }
                });
            }
        }
        Path classpathFile = root.resolve("app/jib-classpath-file");
        assertThat(classpathFile).exists();
        assertThat(root.resolve("app/classes/" + OrdersApp.class.getName().replace('.', '/') + ".class")).exists();
        // The image's paths are absolute (/app/...): point them at the extracted root.
        Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app/", root + "/app/"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> entrypoint = (List<String>) ((Map<String, Object>) config.get("config")).get("Entrypoint");
        for (String arg : entrypoint.subList(1, entrypoint.size())) {
            command.add(arg.replace("/app/", root + "/app/"));
        }
        int port = FreePort.pick();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "image-run.log").toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + root.resolve("tmp/orders.db"));
        Process app = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (health == null && System.nanoTime() < deadline) {
                assertThat(app.isAlive()).as(() -> log()).isTrue();
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(health).as(() -> "no answer on /health: " + log()).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            app.toHandle().destroy(); // SIGTERM
            assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).as(() -> log()).isZero();
        } finally {
            app.destroyForcibly();
        }
    }

    private static String log() {
        try {
            return Files.readString(Path.of("target", "image-run.log"), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
