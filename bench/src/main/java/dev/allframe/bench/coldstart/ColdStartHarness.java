package dev.allframe.bench.coldstart;

import dev.allframe.testkit.lambda.LambdaProcess;
import dev.allframe.testkit.lambda.RuntimeApiEmulator;
import dev.allframe.testkit.lambda.TaskRoot;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Measures Lambda cold starts the way they happen: a fresh JVM running the official runtime interface client (the
 * managed {@code java21} runtime's launcher) with the function's jars in a task root, polling a local Runtime API
 * emulator that already holds one API Gateway HTTP API event for {@code POST /orders}. A sample is the time from
 * just before the process is spawned to the emulator receiving the response; peak RSS is the process's
 * {@code VmHWM} read right then. Runs are interleaved (run 1 of every handler under every flag set, then run 2,
 * ...) so drift on a shared machine spreads evenly.
 *
 * <p>Usage: {@code ColdStartHarness [--runs N] [--out FILE] [--work DIR] [--handler NAME=CLASS=JARS]...
 * [--with-custom-runtime] [--with-example] [--only NAMES] [--flags SETS] [--jvm-option OPT]...
 * [--cds static|dynamic]} where JARS are comma-separated prefixes of the class path entries
 * (file names, or module names for class directories) that go into that handler's task root. Without {@code --handler}, the three
 * standard handlers; {@code --with-example} adds the reference application ({@code examples/orders}, command bus
 * and in-memory store) behind the door; {@code --with-custom-runtime} adds the AllFrame handler under AllFrame's
 * custom runtime (and, with both, the reference application under it too). {@code --only} picks handlers by name
 * (the first is the baseline of the ratio columns), {@code --flags} flag sets ({@code default,C1,AppCDS,AppCDS+C1}),
 * {@code --jvm-option} adds an option to every launch (e.g. {@code -Xlog:class+load:file=/tmp/cl-%p.log}), and
 * {@code --cds} chooses how the AppCDS archives are built: {@code static} (default: a training run's
 * {@code -XX:DumpLoadedClassList}, then {@code -Xshare:dump}) or {@code dynamic} ({@code -XX:ArchiveClassesAtExit}).
 */
public final class ColdStartHarness {
    static final String EVENT = """
            {"version":"2.0","routeKey":"POST /orders","rawPath":"/orders","rawQueryString":"",
             "headers":{"content-type":"application/json","host":"api.example.com","user-agent":"bench"},
             "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
              "http":{"method":"POST","path":"/orders","protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"bench"},
              "requestId":"bench-1","routeKey":"POST /orders","stage":"$default","timeEpoch":1767225600000},
             "body":"{\\"customerId\\":\\"c-1\\",\\"items\\":[{\\"sku\\":\\"A-1\\",\\"quantity\\":2}]}",
             "isBase64Encoded":false}
            """;

    /** Options every flag set shares: the collector JVM ergonomics picks for a Lambda-sized (≤ 1.7 GB) function. */
    static final List<String> BASE = List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED");

    /**
     * @param custom run under AllFrame's custom runtime ({@code LambdaRuntime}, everything on the class path, as
     *               the {@code bootstrap} script does) instead of the official runtime interface client
     */
    record Handler(String name, String className, List<String> jars, boolean custom) {
    }

    record FlagSet(String name, boolean cds, List<String> options) {
    }

    record Sample(double seconds, double cpuSeconds, long rssKib) {
    }

    public static void main(String[] args) throws Exception {
        int runs = 10;
        Path out = null;
        Path work = Path.of("bench/target/coldstart");
        List<Handler> handlers = new ArrayList<>();
        boolean withCustom = false;
        boolean withExample = false;
        List<String> only = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        // Static by default: measured lower CPU than the dynamic archive for every handler (docs/benchmarks/coldstart.md).
        boolean staticCds = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                case "--flags" -> flags.addAll(List.of(args[++i].split(",")));
                case "--jvm-option" -> extra.add(args[++i]);
                case "--cds" -> {
                    staticCds = switch (args[++i]) {
                        case "static" -> true;
                        case "dynamic" -> false;
                        default -> throw new IllegalArgumentException("--cds expects static or dynamic: " + args[i]);
                    };
                }
                case "--out" -> out = Path.of(args[++i]);
                case "--with-custom-runtime" -> withCustom = true;
                case "--with-example" -> withExample = true;
                case "--work" -> work = Path.of(args[++i]);
                case "--handler" -> {
                    String[] p = args[++i].split("=", 3);
                    if (p.length != 3) {
                        throw new IllegalArgumentException("--handler expects NAME=CLASS=JAR,PREFIXES: " + args[i]);
                    }
                    handlers.add(new Handler(p[0], p[1], List.of(p[2].split(",")), false));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --runs N, --out FILE, --work DIR, --handler NAME=CLASS=JARS,"
                        + " --with-custom-runtime, --with-example, --only NAMES, --flags SETS, --jvm-option OPT,"
                        + " --cds static|dynamic)");
            }
        }
        if (handlers.isEmpty()) {
            handlers.add(new Handler("a1-jackson", JacksonHandler.class.getName(), List.of("jackson-"), false));
            handlers.add(new Handler("a2-avaje", AvajeHandler.class.getName(), List.of("avaje-"), false));
            handlers.add(new Handler("b-allframe", OrdersRouterLambda.class.getName(),
                    List.of("allframe-core", "allframe-lambda", "avaje-", "crac"), false));
            if (withExample) {
                handlers.add(new Handler("b-orders-example", dev.allframe.examples.orders.OrdersLambda.class.getName(),
                        // examples/orders builds target/orders.jar
                        List.of("allframe-core", "allframe-lambda", "allframe-jdbc", "orders", "avaje-", "crac"),
                        false));
            }
            if (withCustom) {
                handlers.add(new Handler("c-allframe-custom-runtime", OrdersRouterLambda.class.getName(),
                        List.of("allframe-core", "allframe-lambda", "avaje-", "crac"), true));
            }
            if (withCustom && withExample) {
                handlers.add(new Handler("c-orders-example-custom-runtime",
                        dev.allframe.examples.orders.OrdersLambda.class.getName(),
                        List.of("allframe-core", "allframe-lambda", "allframe-jdbc", "orders", "avaje-", "crac"),
                        true));
            }
        }
        if (!only.isEmpty()) {
            // The first two remain the baselines the ratios are taken against, so name them first.
            List<Handler> picked = new ArrayList<>();
            for (String name : only) {
                picked.add(handlers.stream().filter(h -> h.name.equals(name)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("--only: no handler named " + name)));
            }
            handlers = picked;
        }
        new ColdStartHarness(runs, work.toAbsolutePath(), handlers, flags, extra, staticCds).run(out);
    }

    private final int runs;
    private final Path work;
    private final List<Handler> handlers;
    private final List<String> flagNames;
    private final List<String> extraOptions;
    private final boolean staticCds;
    private final Map<String, TaskRoot> roots = new LinkedHashMap<>();

    ColdStartHarness(int runs, Path work, List<Handler> handlers, List<String> flagNames, List<String> extraOptions,
                     boolean staticCds) {
        this.runs = runs;
        this.work = work;
        this.handlers = handlers;
        this.flagNames = flagNames;
        this.extraOptions = extraOptions;
        this.staticCds = staticCds;
    }

    void run(Path out) throws Exception {
        Files.createDirectories(work);
        String cp = System.getProperty("java.class.path");
        for (Handler h : handlers) {
            roots.put(h.name, layout(h, cp));
        }
        List<FlagSet> sets = new ArrayList<>();
        sets.add(new FlagSet("default", false, List.of()));
        sets.add(new FlagSet("C1", false, List.of("-XX:TieredStopAtLevel=1")));
        sets.add(new FlagSet("AppCDS", true, List.of()));
        sets.add(new FlagSet("AppCDS+C1", true, List.of("-XX:TieredStopAtLevel=1")));
        if (!flagNames.isEmpty()) {
            sets.removeIf(s -> !flagNames.contains(s.name));
        }
        boolean cds = sets.stream().anyMatch(FlagSet::cds);

        {
            log("JDK " + System.getProperty("java.vm.version") + " at " + System.getProperty("java.home"));
            for (Handler h : handlers) {
                if (cds) {
                    train(h);
                }
                measure(h, base()); // warm the page cache; not counted
            }
            Map<String, Map<String, List<Sample>>> results = new LinkedHashMap<>();
            for (int r = 1; r <= runs; r++) {
                for (FlagSet s : sets) {
                    for (Handler h : handlers) {
                        Sample sample = measure(h, options(s, h));
                        results.computeIfAbsent(s.name, k -> new LinkedHashMap<>())
                                .computeIfAbsent(h.name, k -> new ArrayList<>()).add(sample);
                    }
                }
                log("run " + r + "/" + runs + " done");
            }
            Map<String, String> classes = new LinkedHashMap<>();
            for (Handler h : handlers) {
                classes.put(h.name, classLoadCounts(h));
            }
            String report = report(results, classes, sets);
            System.out.println(report);
            if (out != null) {
                Files.writeString(out, report);
            }
        }
    }

    private TaskRoot layout(Handler h, String cp) {
        List<String> keep = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = Files.isDirectory(p) && p.getParent() != null && p.getParent().getParent() != null
                    ? p.getParent().getParent().getFileName().toString() : p.getFileName().toString();
            boolean runtime = name.startsWith("aws-lambda-java-") || entry.contains("/software/amazon/awssdk/");
            // The bench's own classes (and their JSON adapters) only for the handlers that live there.
            boolean own = name.equals("bench") && h.className.startsWith("dev.allframe.bench.");
            if (runtime || own || h.jars.stream().anyMatch(name::startsWith)) {
                keep.add(entry);
            }
        }
        Path dir = work.resolve("task-" + h.name);
        deleteRecursively(dir); // a stale jar from an earlier run would join the class path
        return TaskRoot.create(String.join(File.pathSeparator, keep), dir);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear " + dir, e);
        }
    }

    private Path archive(Handler h) {
        return work.resolve(h.name + ".jsa");
    }

    private List<String> base() {
        List<String> o = new ArrayList<>(BASE);
        o.addAll(extraOptions);
        return o;
    }

    private List<String> options(FlagSet s, Handler h) {
        List<String> o = base();
        if (s.cds) {
            o.add("-XX:SharedArchiveFile=" + archive(h));
        }
        o.addAll(s.options);
        return o;
    }

    /** A training run that writes the handler's dynamic AppCDS archive when the JVM exits on SIGTERM. */
    private void train(Handler h) throws Exception {
        Files.deleteIfExists(archive(h));
        Path classList = work.resolve(h.name + ".classlist");
        Files.deleteIfExists(classList);
        List<String> o = base();
        // Static: the training run lists the classes it loads (the function's own, loaded by the runtime client's
        // class loader, with the jar they came from), and -Xshare:dump archives them with the JDK's.
        o.add(staticCds ? "-XX:DumpLoadedClassList=" + classList : "-XX:ArchiveClassesAtExit=" + archive(h));
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("coldstart");
             LambdaProcess p = start(emulator, h, o, work.resolve(h.name + "-train.log"))) {
            for (int i = 0; i < 3; i++) {
                RuntimeApiEmulator.await(emulator.invoke(EVENT), Duration.ofSeconds(60));
            }
            p.terminate(Duration.ofSeconds(60));
        }
        if (staticCds) {
            dumpStatic(h, classList);
        }
        if (!Files.exists(archive(h))) {
            throw new IllegalStateException("training run of " + h.name + " wrote no archive; see "
                    + work.resolve(h.name + "-train.log"));
        }
        log((staticCds ? "static" : "dynamic") + " AppCDS archive for " + h.name + ": " + Files.size(archive(h)) / 1024 + " KiB");
    }

    /** {@code java -Xshare:dump} of a class list, with the class path the measured JVMs run with. */
    private void dumpStatic(Handler h, Path classList) throws Exception {
        Path log = work.resolve(h.name + "-dump.log");
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive(h), "-cp", classPath(h))
                .directory(roots.get(h.name).dir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!dump.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || dump.exitValue() != 0) {
            dump.destroyForcibly();
            throw new IllegalStateException("-Xshare:dump for " + h.name + " failed; see " + log);
        }
    }

    /** The JVM class path of a handler's process. */
    private String classPath(Handler h) {
        TaskRoot root = roots.get(h.name);
        if (!h.custom) {
            return root.runtimeClassPath();
        }
        // As the bootstrap script runs it: every jar on the class path (so AppCDS can archive them all).
        List<String> cp = new ArrayList<>();
        try (var jars = Files.list(root.dir().resolve("lib"))) {
            jars.sorted().forEach(j -> cp.add(j.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String entry : root.runtimeClassPath().split(File.pathSeparator)) {
            if (Path.of(entry).getFileName().toString().startsWith("aws-lambda-java-core")) {
                cp.add(entry);
            }
        }
        return String.join(File.pathSeparator, cp);
    }

    private LambdaProcess start(RuntimeApiEmulator emulator, Handler h, List<String> options, Path log) {
        if (h.custom) {
            return LambdaProcess.builder(emulator).classPath(classPath(h)).jvmOptions(options)
                    .main("dev.allframe.lambda.LambdaRuntime", h.className).env("ALLFRAME_LOG", "warn").log(log)
                    .start();
        }
        return LambdaProcess.builder(emulator).taskRoot(roots.get(h.name)).jvmOptions(options).ric(h.className)
                .env("ALLFRAME_LOG", "warn").log(log).start();
    }

    /** One cold start, against its own emulator (one Runtime API per execution environment, as on Lambda). */
    private Sample measure(Handler h, List<String> options) throws Exception {
        try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("coldstart")) {
            return measure(emulator, h, options);
        }
    }

    private Sample measure(RuntimeApiEmulator emulator, Handler h, List<String> options) throws Exception {
        CompletableFuture<RuntimeApiEmulator.InvocationResult> result = emulator.invoke(EVENT);
        Path log = work.resolve(h.name + "-last.log");
        long t0 = System.nanoTime();
        try (LambdaProcess p = start(emulator, h, options, log)) {
            RuntimeApiEmulator.InvocationResult r;
            try {
                r = RuntimeApiEmulator.await(result, Duration.ofSeconds(60));
            } catch (AssertionError e) {
                throw new IllegalStateException(h.name + " did not answer: " + p.output(), e);
            }
            OptionalLong rss = p.peakRssKib();
            double cpu = p.process().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
            if (!r.success() || !r.body().contains("\"statusCode\":201")) {
                throw new IllegalStateException(h.name + " answered " + r + "\n" + p.output());
            }
            return new Sample((r.receivedAtNanos() - t0) / 1e9, cpu, rss.orElse(-1));
        }
    }

    /** One extra run with {@code -Xlog:class+load}: how many classes came from where before the first response. */
    private String classLoadCounts(Handler h) throws Exception {
        Path file = work.resolve(h.name + "-classload.txt");
        Files.deleteIfExists(file);
        List<String> o = base();
        o.add("-Xlog:class+load=info:file=" + file);
        measure(h, o);
        Map<String, Integer> bySource = new TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(file)) {
            int at = line.indexOf("source: ");
            if (at < 0) {
                continue;
            }
            total++;
            String src = line.substring(at + 8).trim();
            String jar = src.substring(src.lastIndexOf('/') + 1);
            String group;
            if (src.startsWith("jrt:/") || src.equals("shared objects file")) {
                group = "JDK";
            } else if (!src.startsWith("file:")) {
                group = "generated (lambdas, method handles)";
            } else if (jar.startsWith("aws-lambda-java-")) {
                group = "runtime client";
            } else if (jar.contains("bench-classes")) {
                group = "handler";
            } else if (jar.contains("jackson-")) {
                group = "Jackson";
            } else if (jar.contains("avaje-")) {
                group = "Avaje Jsonb";
            } else if (jar.contains("allframe-")) {
                group = "AllFrame";
            } else if (jar.contains("orders")) {
                group = "example";
            } else {
                group = jar;
            }
            bySource.merge(group, 1, Integer::sum);
        }
        return total + " (" + bySource.toString().replaceAll("[{}]", "") + ")";
    }

    private String report(Map<String, Map<String, List<Sample>>> results, Map<String, String> classes,
                          List<FlagSet> sets) {
        StringBuilder sb = new StringBuilder();
        sb.append("JDK: ").append(System.getProperty("java.vm.vendor")).append(' ')
                .append(System.getProperty("java.vm.version")).append("; ").append(runs)
                .append(" interleaved runs per cell; shared options ").append(String.join(" ", base())).append("; AppCDS archives: ").append(staticCds ? "static (class list of a training run, -Xshare:dump)" : "dynamic (-XX:ArchiveClassesAtExit after a training run)").append("\n\n");
        sb.append("| flags | handler | wall median s | wall min–max s | wall vs a1 | wall vs a2 | CPU median s"
                + " | CPU vs a1 | CPU vs a2 | peak RSS median MiB (max) |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (FlagSet s : sets) {
            Map<String, List<Sample>> row = results.get(s.name);
            List<List<Sample>> all = new ArrayList<>(row.values());
            List<Sample> base1 = all.get(0);
            List<Sample> base2 = all.size() > 1 ? all.get(1) : base1;
            double a1 = median(base1, Sample::seconds);
            double a2 = median(base2, Sample::seconds);
            double c1 = median(base1, Sample::cpuSeconds);
            double c2 = median(base2, Sample::cpuSeconds);
            for (Map.Entry<String, List<Sample>> e : row.entrySet()) {
                List<Sample> v = e.getValue();
                double med = median(v, Sample::seconds);
                double cpu = median(v, Sample::cpuSeconds);
                double min = v.stream().mapToDouble(Sample::seconds).min().orElse(0);
                double max = v.stream().mapToDouble(Sample::seconds).max().orElse(0);
                long[] rss = v.stream().mapToLong(Sample::rssKib).sorted().toArray();
                sb.append(String.format(Locale.ROOT,
                        "| %s | %s | %.3f | %.3f–%.3f | %.2f× | %.2f× | %.3f | %.2f× | %.2f× | %.1f (%.1f) |%n",
                        s.name, e.getKey(), med, min, max, med / a1, med / a2, cpu, cpu / c1, cpu / c2,
                        rss[rss.length / 2] / 1024.0, rss[rss.length - 1] / 1024.0));
            }
        }
        sb.append("\nClasses loaded before the first response (default flags, -Xlog:class+load):\n\n");
        classes.forEach((h, c) -> sb.append("- ").append(h).append(": ").append(c).append('\n'));
        return sb.toString();
    }

    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> metric) {
        double[] s = samples.stream().mapToDouble(metric).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void log(String s) {
        System.err.println("[coldstart] " + s);
    }

    static {
        // Fail early and clearly if run outside the script that sets the class path.
        if (!System.getProperty("java.class.path", "").contains("aws-lambda-java-runtime-interface-client")) {
            System.err.println("[coldstart] the runtime interface client is not on the class path; run bench/coldstart.sh");
        }
    }
}
