package dev.allframe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code allframe dev}: runs the application in a child JVM on its embedded durable store, prints its URL and
 * routes, and restarts it when {@code target/classes} changes (recompile in the IDE or with {@code mvn compile}).
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run the application locally: embedded durable store, URL and routes printed, restart when "
                + "target/classes changes (recompile to reload).",
                "Needs a built project (mvn -q -DskipTests package): target/classes and target/lib.",
                "Sets ALLFRAME_DEV=1: an application that registers LocalEventsRoutes as development routes then also"
                        + " takes SQS, SNS, EventBridge, S3 and DynamoDB Streams events ('allframe events send --help')."})
final class DevCommand implements java.util.concurrent.Callable<Integer> {
    private static final Pattern ROUTE = Pattern.compile("\\{\"method\":\"([A-Z]+)\",\"path\":\"([^\"]*)\"}");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The Maven project to run (default: the current directory).")
    Path project;

    @Option(names = "--main", paramLabel = "CLASS",
            description = "The main class (default: Main-Class of the jar in target/).")
    String mainClass;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: $PORT, else 8080).")
    Integer port;

    @Option(names = "--store", paramLabel = "URL",
            description = "Event store URL, e.g. sqlite:.allframe/dev.db or memory: (default: the application's).")
    String store;

    @Option(names = "--no-reload", negatable = false, description = "Do not restart when target/classes changes.")
    boolean noReload;

    @Option(names = "--poll", paramLabel = "MILLIS", defaultValue = "500", hidden = true,
            description = "How often target/classes is checked for changes.")
    long pollMillis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Projects.requireProject(project).toAbsolutePath().normalize();
        String main = mainClass != null ? mainClass : Projects.mainClass(dir);
        if (main == null) {
            throw new CliException("no main class: pass --main CLASS, or build a jar with a Main-Class in "
                    + dir.resolve("target"));
        }
        int httpPort = port != null ? port : envPort();
        if (!free(httpPort)) {
            throw new CliException("port " + httpPort + " is in use (another 'allframe dev'?); stop it, or pick"
                    + " another with --port N or PORT=N");
        }
        Path classes = dir.resolve("target/classes");
        Child child = new Child(dir, main, httpPort);
        Runtime.getRuntime().addShutdownHook(new Thread(child::stop, "allframe-dev-stop"));
        child.start(out);
        long stamp = lastModified(classes);
        while (true) {
            Thread.sleep(pollMillis);
            if (noReload) {
                continue;
            }
            long now = lastModified(classes);
            if (now != stamp) {
                Thread.sleep(Math.max(200, pollMillis)); // let the compiler finish writing
                stamp = lastModified(classes);
                out.println("allframe dev: classes changed, restarting");
                out.flush();
                child.stop();
                child.start(out);
            }
        }
    }

    private static int envPort() {
        String p = System.getenv("PORT");
        if (p == null || p.isBlank()) {
            return 8080;
        }
        try {
            return Integer.parseInt(p.trim());
        } catch (NumberFormatException e) {
            throw new CliException("PORT (expected a port number): '" + p + "'");
        }
    }

    static boolean free(int port) {
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static long lastModified(Path classes) {
        if (!Files.isDirectory(classes)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            // Sum of times and count: a deleted class changes it too.
            long[] acc = new long[2];
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    acc[0] += Files.getLastModifiedTime(f).toMillis();
                    acc[1]++;
                } catch (IOException ignored) {
                    acc[1]--; // vanished while walking: counts as a change
                }
            });
            return acc[0] * 31 + acc[1];
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }

    /** The application in a child JVM. */
    private final class Child {
        private final Path dir;
        private final String main;
        private final int port;
        private Process process;

        Child(Path dir, String main, int port) {
            this.dir = dir;
            this.main = main;
            this.port = port;
        }

        synchronized void start(PrintWriter out) throws Exception {
            String cp = Projects.classpath(dir).stream().map(Path::toString)
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-cp", cp, main));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
            Map<String, String> env = pb.environment();
            env.put("PORT", Integer.toString(port));
            env.put("ALLFRAME_DEV", "1");
            if (store != null) {
                env.put("ALLFRAME_STORE", store);
            }
            process = pb.start();
            String base = "http://localhost:" + port;
            String routes = awaitRoutes("http://127.0.0.1:" + port);
            if (routes == null) {
                out.println("allframe dev: the application did not answer /health within 60 s"
                        + (process.isAlive() ? "" : " (it exited with status " + process.exitValue() + ")")
                        + "; fix it and recompile to retry");
                out.flush();
                return;
            }
            out.println();
            out.println("AllFrame dev: " + main + " on " + base + "  (Ctrl-C to stop; recompile to reload)");
            Matcher m = ROUTE.matcher(routes);
            List<String> events = new ArrayList<>();
            while (m.find()) {
                if (m.group(2).startsWith("/_allframe/events")) {
                    events.add(m.group(2));
                } else {
                    out.printf("  %-7s %s%s%n", m.group(1), base, m.group(2));
                }
            }
            out.printf("  %-7s %s/health, /ready, /live%n", "GET", base);
            if (!events.isEmpty()) {
                // Development routes: the same Lambda event doors, fed from here (see 'allframe events send --help').
                out.println("  Local events (SQS, SNS, EventBridge, S3, DynamoDB Streams), dev mode only:");
                for (String path : events) {
                    out.printf("  %-7s %s%s%n", "POST", base, path);
                }
                out.println("  e.g. allframe events send sqs --queue QUEUE --body '{...}' --url " + base);
            }
            out.println();
            out.flush();
        }

        private String awaitRoutes(String base) throws InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/_allframe/routes"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 ? r.body() : "";
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            return null;
        }

        synchronized void stop() {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy(); // SIGTERM: the server drains and closes the store
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
