package dev.allframe.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLOW (a few minutes): a fresh machine with only a clone of this repository. {@code ./allframe new} through the
 * launcher script (which installs the libraries the project needs; other commands do not), then the commands of the
 * generated project's own README, as written: its Maven build (compile, tests, jar), {@code allframe dev} and the
 * {@code curl} lines.
 *
 * <p>The machine is simulated offline: {@code HOME} is empty but for a settings.xml whose mirror serves every
 * third-party artifact from a {@code file://} view of the developer's local repository without AllFrame's own
 * artifacts, and the user has chosen a local repository of their own with {@code -Dmaven.repo.local} in
 * {@code MAVEN_OPTS}. So AllFrame is nowhere until the launcher installs it, nothing is downloaded, and nothing is
 * written to the shared {@code ~/.m2}.
 */
class NewProjectIT {
    private static final String VERSION = System.getProperty("allframe.version", "0.1.0-SNAPSHOT");
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("allframe");

    @TempDir
    Path tmp;

    @Test
    void onAFreshMachineTheGeneratedReadmesCommandsBuildTestAndRunTheProject() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path repo = tmp.resolve("repo");
        Path mirror = thirdPartyMirror();
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror><id>third-party-only</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                </settings>
                """.formatted(mirror.toUri()));
        Path mvnHome = Path.of(System.getProperty("maven.home", "/usr/share/maven"));
        assertThat(mvnHome.resolve("bin/mvn")).as("Maven (maven.home), as the user has it on the PATH").exists();
        Map<String, String> env = Map.of("HOME", home.toString(),
                "MAVEN_OPTS", "-Dmaven.repo.local=" + repo,
                "PATH", mvnHome.resolve("bin") + ":" + System.getenv("PATH"));
        Path log = Path.of("target", "new-project-it.log").toAbsolutePath();
        Files.deleteIfExists(log);

        Path work = Files.createDirectories(tmp.resolve("work"));
        Run help = run(work, env, 2, LAUNCHER.toString(), "--help");
        assertThat(help.exit()).as(help::toString).isZero();
        assertThat(help.out()).startsWith("Usage: allframe");
        assertThat(repo.resolve("dev/allframe")).as("only 'new' installs the libraries").doesNotExist();

        Run created = run(work, env, 10, LAUNCHER.toString(), "new", "demo-svc", "--group", "org.acme");
        Files.writeString(log, created.toString());
        assertThat(created.exit()).as(created::toString).isZero();
        // Maven 3.8 ends even a quiet run with two invisible colour resets (ESC[0m): not a line a user sees.
        assertThat(created.err().replaceAll("\u001B\\[[0-9;]*m", "").lines().filter(l -> !l.isBlank()).toList())
                .as("one progress line, then quiet").containsExactly(
                "allframe: installing AllFrame " + VERSION + " (allframe-core, allframe-server, allframe-jdbc) into "
                        + repo + " for the projects 'allframe new' creates (once; about a minute)...");
        for (String a : List.of("allframe-core", "allframe-server", "allframe-jdbc")) {
            assertThat(repo.resolve("dev/allframe/" + a + "/" + VERSION + "/" + a + "-" + VERSION + ".jar")).exists();
        }
        assertThat(repo.resolve("dev/allframe/allframe-parent/" + VERSION + "/allframe-parent-" + VERSION + ".pom"))
                .exists();
        assertThat(home.resolve(".m2/repository")).as("the user's chosen repository, not the default").doesNotExist();
        Path project = work.resolve("demo-svc");

        // The README's commands, as written.
        String readme = Files.readString(project.resolve("README.md"));
        assertThat(readme).contains(LAUNCHER.toString()).doesNotContain("@@");
        List<String> commands = shellBlock(readme);
        String build = only(commands, "mvn ");
        Run built = run(project, env, 8, "bash", "-c", build);
        Files.writeString(log, built.toString(), java.nio.file.StandardOpenOption.APPEND);
        assertThat(built.exit()).as(built::toString).isZero();
        try (Stream<Path> files = Files.list(project.resolve("target/surefire-reports"))) {
            List<String> xml = files.filter(p -> p.toString().endsWith(".xml")).map(NewProjectIT::read).toList();
            assertThat(xml).hasSize(2).allSatisfy(x -> assertThat(x).contains("failures=\"0\"", "errors=\"0\"",
                    "skipped=\"0\""));
            assertThat(String.join("", xml)).contains("tests=\"3\"", "tests=\"2\"");
        }
        assertThat(project.resolve("target/demo-svc.jar")).exists();
        assertThat(project.resolve("target/lib/allframe-server-" + VERSION + ".jar")).exists();

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String dev = only(commands, LAUNCHER + " dev");
        assertThat(dev).isEqualTo(LAUNCHER + " dev");
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "exec " + dev).directory(project.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("PORT", Integer.toString(port));
        Process server = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> server.inputReader().lines().forEach(lines::add));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (lines.stream().noneMatch(l -> l.startsWith("AllFrame dev: org.acme.demosvc.App on "))) {
                assertThat(System.nanoTime() < deadline && server.isAlive()).as(() -> String.join("\n", lines))
                        .isTrue();
                Thread.sleep(50);
            }
            List<String> curls = commands.stream().filter(c -> c.startsWith("curl ")).toList();
            assertThat(curls).hasSize(2);
            Run post = run(project, env, 1, "bash", "-c", curls.get(0).replace(":8080", ":" + port));
            assertThat(post.exit()).as(post::toString).isZero();
            assertThat(post.out()).contains("\"id\":\"n-1\"");
            Run get = run(project, env, 1, "bash", "-c", curls.get(1).replace(":8080", ":" + port));
            assertThat(get.out()).as(get::toString).contains("\"text\":\"hello\"");
            assertThat(project.resolve(".allframe/demo-svc.db")).as("the embedded durable store").exists();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
    }

    /**
     * The developer's local repository as a remote one, less AllFrame's own artifacts: symbolic links to every
     * group directory but {@code dev/allframe}, so nothing is copied.
     */
    private Path thirdPartyMirror() throws IOException {
        Path shared = Path.of(System.getProperty("allframe.m2",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path mirror = Files.createDirectories(tmp.resolve("mirror"));
        try (Stream<Path> top = Files.list(shared)) {
            for (Path p : top.toList()) {
                if (p.getFileName().toString().equals("dev")) {
                    Path dev = Files.createDirectories(mirror.resolve("dev"));
                    try (Stream<Path> groups = Files.list(p)) {
                        for (Path g : groups.filter(g -> !g.getFileName().toString().equals("allframe")).toList()) {
                            Files.createSymbolicLink(dev.resolve(g.getFileName().toString()), g);
                        }
                    }
                } else {
                    Files.createSymbolicLink(mirror.resolve(p.getFileName().toString()), p);
                }
            }
        }
        return mirror;
    }

    /** The lines of the README's {@code sh} block, comments and surrounding blanks removed. */
    private static List<String> shellBlock(String readme) {
        Matcher m = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("the README has a sh block:\n" + readme).isTrue();
        List<String> commands = new ArrayList<>();
        for (String line : m.group(1).split("\n")) {
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            if (!command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    private static String only(List<String> commands, String prefix) {
        List<String> found = commands.stream().filter(c -> c.startsWith(prefix)).toList();
        assertThat(found).as("the README's command starting with '" + prefix + "' in " + commands).hasSize(1);
        return found.getFirst();
    }

    /** A finished command. */
    private record Run(int exit, String out, String err) {
    }

    private static Run run(Path dir, Map<String, String> env, int minutes, String... command) throws Exception {
        Path out = Files.createTempFile("new-project-it-", ".out");
        Path err = Files.createTempFile("new-project-it-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
                p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + minutes
                        + " minutes; output so far:\n" + read(out) + read(err));
            }
            return new Run(p.exitValue(), read(out), read(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable " + p + ")";
        }
    }
}
