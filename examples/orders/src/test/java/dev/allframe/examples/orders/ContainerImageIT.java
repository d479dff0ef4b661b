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
 * Checks the container image Jib built ({@code target/jib-image.tar}, built twice before the ITs: once to train its
 * AppCDS archive on, once with the archive) without a Docker engine: its manifest and config are read from the
 * tarball, and all its layers are extracted and run with the image's own JVM, following the image's own entrypoint;
 * class-load logging shows the archive mapped. Run with another JVM, the archive is ignored and the image still starts.
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
    void theImageRunsJavaAsANonRootUserOnPort8080WithTheAppCdsArchive() {
        Map<String, Object> c = (Map<String, Object>) config.get("config");
        List<String> entrypoint = (List<String>) c.get("Entrypoint");
        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:SharedArchiveFile=/app/cds/app.jsa", "-Xshare:auto", "-Xlog:cds=off")
                .endsWith("-cp", "@/app/jib-classpath-file", OrdersApp.class.getName());
        assertThat((Map<String, Object>) c.get("ExposedPorts")).containsOnlyKeys("8080/tcp");
        String user = (String) c.get("User");
        assertThat(user).isNotBlank().doesNotStartWith("0").isNotEqualTo("root");
        List<String> env = (List<String>) c.get("Env");
        String javaHome = env.stream().filter(e -> e.startsWith("JAVA_HOME=")).findFirst()
                .map(e -> e.substring("JAVA_HOME=".length()))
                .orElseThrow(() -> new AssertionError("no JAVA_HOME in the image's environment: " + env));
        assertThat(env).contains("ALLFRAME_STORE=sqlite:/tmp/allframe/orders.db")
                .as("the entrypoint's 'java' is the base image's").anyMatch(e -> e.startsWith("PATH=")
                        && List.of(e.substring(5).split(":")).contains(javaHome + "/bin"));
        assertThat(config).containsEntry("os", "linux");
        // base (runtime) layer + Jib's dependencies, snapshot dependencies, the application jar, extra files (CDS)
        assertThat(layers).hasSizeGreaterThanOrEqualTo(4).allSatisfy(l -> assertThat(FILES).containsKey(l));
    }

    @Test
    void theImageCarriesTheAppCdsArchiveTrainedAtBuildTime() throws Exception {
        List<String> archives = new ArrayList<>();
        for (String layer : layers) {
            try (InputStream in = layerStream(layer)) {
                Tar.read(in, e -> {
                    if (e.isFile() && e.name().equals("app/cds/app.jsa")) {
                        archives.add(layer + " " + e.content().length);
                        // A dynamic CDS archive starts with its magic number, 0xf00baba8.
                        assertThat(e.content()).startsWith((byte) 0xa8, (byte) 0xab, (byte) 0x0b, (byte) 0xf0);
                    }
                });
            }
        }
        assertThat(archives).as("exactly one layer holds the archive").singleElement().asString()
                .matches(".* \\d{6,}");
        assertThat(layers.get(layers.size() - 1)).as("the archive is the last layer (Jib's extra files)")
                .isEqualTo(archives.get(0).split(" ")[0]);
    }

    @Test
    void theExtractedImageRunsOnItsOwnJvmWithTheArchiveMappedAnswersHealthAndExitsZeroOnSigterm() throws Exception {
        Path root = extract();
        Path java = root.resolve("opt/java/bin/java");
        assertThat(java).as("the base layer's JVM").isExecutable();
        String log = runAndStop(root, java, "-Xlog:class+load=info");
        // Loaded from the archive's top (dynamic) layer: the archive mapped, here at another root than in training.
        assertThat(log).containsPattern("\\Q" + OrdersApp.class.getName()
                        + "\\E source: shared objects file \\(top\\)")
                .containsPattern("dev\\.allframe\\.server\\.\\S+ source: shared objects file \\(top\\)");
    }

    @Test
    void withAnotherJvmTheArchiveIsIgnoredAndTheImageStillStarts() throws Exception {
        Path root = extract();
        // The build JDK is not the image's jlink'd runtime, so the archive does not match it: -Xshare:auto goes on.
        String log = runAndStop(root, Path.of(System.getProperty("java.home"), "bin", "java"),
                "-Xlog:class+load=info");
        assertThat(log).contains(OrdersApp.class.getName() + " source: file:")
                .doesNotContain("source: shared objects file (top)");
    }

    /** Extracts every layer (runtime and application) into a fresh root, keeping modes and modification times. */
    private static Path extract() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target"), "image-root-").toAbsolutePath();
        for (String layer : layers) {
            try (InputStream in = layerStream(layer)) {
                Tar.read(in, e -> {
                    if (!e.isFile()) {
                        return;
                    }
                    Path target = root.resolve(e.name()).normalize();
                    assertThat(target.startsWith(root)).as("entry inside the root: %s", e.name()).isTrue();
                    Files.createDirectories(target.getParent());
                    Files.write(target, e.content());
                    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.from(e.mtime(),
                            TimeUnit.SECONDS));
                    if ((e.mode() & 0100) != 0) {
                        assertThat(target.toFile().setExecutable(true)).isTrue();
                    }
                });
            }
        }
        Path classpathFile = root.resolve("app/jib-classpath-file");
        assertThat(classpathFile).exists();
        assertThat(Files.readString(classpathFile)).as("packaged: jars only, the application's first")
                .startsWith("/app/classpath/").doesNotContain("/app/classes", "/app/resources");
        // The image's paths are absolute (/app/...): point them at the extracted root.
        Files.writeString(classpathFile, Files.readString(classpathFile).replace("/app/", root + "/app/"));
        return root;
    }

    private static InputStream layerStream(String layer) throws java.io.IOException {
        byte[] bytes = FILES.get(layer);
        boolean gzip = bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
        return gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)) : new ByteArrayInputStream(bytes);
    }

    /**
     * Runs the image's entrypoint from the extracted root with {@code java}, plus {@code extraFlag}; checks
     * {@code /health} and a clean exit on SIGTERM.
     *
     * @return the process's output
     */
    @SuppressWarnings("unchecked")
    private static String runAndStop(Path root, Path java, String extraFlag) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        List<String> entrypoint = (List<String>) ((Map<String, Object>) config.get("config")).get("Entrypoint");
        for (String arg : entrypoint.subList(1, entrypoint.size())) {
            command.add(arg.replace("/app/", root + "/app/"));
        }
        command.add(1, extraFlag);
        int port = FreePort.pick();
        Path logFile = root.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + root.resolve("tmp/orders.db"));
        pb.environment().remove("ALLFRAME_DEV");
        Process app = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (health == null && System.nanoTime() < deadline) {
                assertThat(app.isAlive()).as(() -> log(logFile)).isTrue();
                try {
                    health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(health).as(() -> "no answer on /health: " + log(logFile)).isNotNull();
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            app.toHandle().destroy(); // SIGTERM
            assertThat(app.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(app.exitValue()).as(() -> log(logFile)).isZero();
            return log(logFile);
        } finally {
            app.destroyForcibly();
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
