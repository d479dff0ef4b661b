package dev.allframe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLOW (about a minute): {@code allframe new} then the generated project's own {@code mvn verify}, offline.
 *
 * <p>The generated pom depends on this build's AllFrame artifacts, which are in no repository: the test lays the
 * reactor's jars and poms into a temporary local repository ({@code -Dmaven.repo.local}), and a generated
 * settings.xml mirrors every other repository to the developer's local repository over {@code file://}, so the
 * build neither reaches the network nor writes to the shared {@code ~/.m2}.
 */
class NewProjectIT {
    private static final String VERSION = System.getProperty("allframe.version", "0.1.0-SNAPSHOT");

    @TempDir
    Path tmp;

    @Test
    void aGeneratedProjectBuildsAndPassesItsOwnTestsAtOnce() throws Exception {
        Path jar = Path.of("target", "allframe.jar").toAbsolutePath();
        assertThat(jar).exists();
        Path log = Path.of("target", "new-project-it.log").toAbsolutePath();
        Process gen = new ProcessBuilder(java(), "-jar", jar.toString(), "new", "demo-svc", "--group", "org.acme",
                "--directory", tmp.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(gen.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).as(() -> read(log)).isZero();
        Path project = tmp.resolve("demo-svc");

        Path repo = tmp.resolve("repo");
        Path root = Path.of("..").toAbsolutePath().normalize();
        install(repo, "allframe-parent", root.resolve("pom.xml"), null);
        for (String module : List.of("allframe-core", "allframe-server", "allframe-jdbc")) {
            install(repo, module, root.resolve(module).resolve("pom.xml"),
                    root.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar"));
        }
        Path shared = Path.of(System.getProperty("allframe.m2",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path settings = tmp.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror><id>developer-local-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(shared.toUri()));

        Path mvn = Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn");
        assertThat(mvn).as("Maven (maven.home) to build the generated project").exists();
        ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-B", "-q", "-s", settings.toString(),
                "-Dmaven.repo.local=" + repo, "verify").directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = pb.start();
        boolean done = build.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            build.destroyForcibly();
        }
        assertThat(done).as("the generated build finished within 5 minutes").isTrue();
        assertThat(build.exitValue()).as(() -> read(log)).isZero();

        Path reports = project.resolve("target/surefire-reports");
        try (Stream<Path> files = Files.list(reports)) {
            List<String> xml = files.filter(p -> p.toString().endsWith(".xml")).map(NewProjectIT::read).toList();
            assertThat(xml).hasSize(2).allSatisfy(x -> assertThat(x).contains("failures=\"0\"", "errors=\"0\"",
                    "skipped=\"0\""));
            assertThat(String.join("", xml)).contains("tests=\"3\"", "tests=\"2\"");
        }
        assertThat(project.resolve("target/demo-svc.jar")).exists();
        assertThat(project.resolve("target/lib/allframe-server-" + VERSION + ".jar")).exists();

        // ... and `allframe dev` runs it as its README says: routes printed, a note added over HTTP.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process dev = new ProcessBuilder(java(), "-jar", jar.toString(), "dev", "--project", project.toString(),
                "--port", Integer.toString(port), "--no-reload").redirectErrorStream(true).start();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> dev.inputReader().lines().forEach(lines::add));
        try {
            String base = "http://localhost:" + port;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lines.stream().noneMatch(l -> l.startsWith("AllFrame dev: org.acme.demosvc.App on " + base))) {
                assertThat(System.nanoTime() < deadline && dev.isAlive()).as(() -> String.join("\n", lines)).isTrue();
                Thread.sleep(50);
            }
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+POST\\s+" + base + "/notes"))
                    .anySatisfy(l -> assertThat(l).matches("\\s+GET\\s+" + base + "/notes/\\{id}"));
            var http = java.net.http.HttpClient.newHttpClient();
            var created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/notes"))
                    .header("content-type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"id\":\"n-1\",\"text\":\"hi\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(project.resolve(".allframe/demo-svc.db")).as("the embedded durable store").exists();
        } finally {
            dev.destroy();
            if (!dev.waitFor(30, TimeUnit.SECONDS)) {
                dev.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                dev.destroyForcibly();
            }
        }
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            throw new AssertionError("the application still listens on " + port + " after dev stopped");
        } catch (IOException expected) {
            // stopped with dev
        }
    }

    private static void install(Path repo, String artifactId, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("dev/allframe/" + artifactId + "/" + VERSION);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            assertThat(jar).as("the reactor built " + artifactId).exists();
            Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable " + p + ")";
        }
    }
}
