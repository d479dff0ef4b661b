package dev.allframe.examples.orders;

import dev.allframe.testkit.FreePort;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code ./allframe} launcher as the README uses it, from the repository root: {@code --help}, and
 * {@code ./allframe dev} on the example — URL and routes printed, /health answered, a restart when a class changes,
 * and the application stopped with the launcher. Runs after the CLI and the example are packaged, so the launcher
 * finds both up to date and builds nothing.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void helpListsEveryCommandAndExitsZero() throws Exception {
        Process p = new ProcessBuilder(ROOT.resolve("allframe").toString(), "--help").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("Usage: allframe").contains("  dev ", "  new ", "  dockerfile ", "  infra ");

        Process bad = new ProcessBuilder(ROOT.resolve("allframe").toString(), "deploy").directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        String err = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bad.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(err.strip()).isEqualTo("error: Unmatched argument at index 0: 'deploy' (see 'allframe --help')");
    }

    @Test
    void devRunsTheExamplePrintsItsRoutesRestartsWhenAClassChangesAndStopsWithTheLauncher() throws Exception {
        int port = FreePort.pick();
        Path store = Files.createTempDirectory(Path.of("target"), "launcher-it-").toAbsolutePath().resolve("o.db");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("allframe").toString(), "dev", "--poll", "200")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("ALLFRAME_STORE", "sqlite:" + store);
        Process dev = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the launcher is gone
            }
        });
        try {
            String base = "http://localhost:" + port;
            awaitCount(lines, "AllFrame dev: " + OrdersApp.class.getName() + " on " + base, 1);
            // the route lines follow the banner: wait for them rather than read what has arrived so far
            awaitMatch(lines, "\\s+POST\\s+" + base + "/orders");
            awaitMatch(lines, "\\s+GET\\s+" + base + "/orders/\\{id}");
            assertThat(health(port)).isEqualTo(200);

            Path someClass = Path.of("target", "classes", OrdersApp.class.getName().replace('.', '/') + ".class");
            Files.setLastModifiedTime(someClass, FileTime.from(Instant.now()));
            awaitCount(lines, "allframe dev: classes changed, restarting", 1);
            awaitCount(lines, "AllFrame dev: ", 2);
            assertThat(health(port)).isEqualTo(200);

            dev.toHandle().destroy(); // the launcher exec'd the CLI: this is its JVM
            assertThat(dev.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(listening(port)).as("the application stopped with the launcher").isFalse();
        } finally {
            dev.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            dev.destroyForcibly();
        }
    }

    private static int health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitMatch(List<String> lines, String regex) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(l -> l.matches(regex))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("a line matching '" + regex + "' expected; output:\n" + String.join("\n", lines));
    }

    private static void awaitCount(List<String> lines, String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (lines.stream().filter(l -> l.startsWith(prefix)).count() >= count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(count + " line(s) starting with '" + prefix + "' expected; output:\n"
                + String.join("\n", lines));
    }
}
