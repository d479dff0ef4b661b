package dev.allframe.infra.terraform;

import dev.allframe.testkit.Tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs the terraform binary offline for tests, and finds the local provider mirror at run time. */
final class TerraformCli {
    private static final List<String> MIRROR_CANDIDATES = List.of("/opt", "/usr/local/share", "/usr/share",
            "/usr/local/lib", System.getProperty("user.home") + "/.terraform.d/plugins",
            System.getProperty("user.home") + "/.local/share/terraform/plugins");

    private final Path terraform;

    private TerraformCli(Path terraform) {
        this.terraform = terraform;
    }

    static TerraformCli require(String why) {
        return new TerraformCli(Tools.require("terraform", why));
    }

    /**
     * The folder holding {@code registry.terraform.io/hashicorp/aws}: {@code TF_PLUGIN_MIRROR} if set, else a few
     * well-known places, else a bounded search of the file system. Skips (or fails in CI) when there is none.
     */
    static Path requireAwsMirror() {
        String env = System.getenv("TF_PLUGIN_MIRROR");
        if (env != null && !env.isBlank() && hasAws(Path.of(env))) {
            return Path.of(env);
        }
        for (String c : MIRROR_CANDIDATES) {
            Optional<Path> found = search(Path.of(c), 3);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<Path> found = search(Path.of("/"), 4);
        if (found.isEmpty()) {
            Tools.unavailable("no local Terraform provider mirror with registry.terraform.io/hashicorp/aws was found"
                    + " (set TF_PLUGIN_MIRROR); it is needed to init and plan the generated AWS module offline");
        }
        return found.orElseThrow();
    }

    private static boolean hasAws(Path dir) {
        return Files.isDirectory(dir.resolve("registry.terraform.io/hashicorp/aws"));
    }

    private static Optional<Path> search(Path root, int depth) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        if (hasAws(root)) {
            return Optional.of(root);
        }
        if (depth == 0) {
            return Optional.empty();
        }
        String s = root.toString();
        if (s.equals("/proc") || s.equals("/sys") || s.equals("/dev") || s.equals("/run")) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).sorted().toList()) {
                Optional<Path> found = search(child, depth - 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Deletes a directory's {@code .terraform} folder without following its links into the provider mirror (JUnit's
     * temp-dir cleanup warns about them otherwise).
     */
    static void removeWorkingFiles(Path dir) throws IOException {
        Path work = dir.resolve(".terraform");
        if (!Files.exists(work, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Runs terraform in a directory; fails the test with its output on a non-zero exit. */
    String run(Path dir, String... args) throws IOException, InterruptedException {
        Result r = tryRun(dir, args);
        if (r.exit != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " exited " + r.exit + ":\n" + r.output);
        }
        return r.output;
    }

    record Result(int exit, String output) {
    }

    Result tryRun(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(terraform.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        pb.environment().put("TF_IN_AUTOMATION", "1");
        pb.environment().put("CHECKPOINT_DISABLE", "1");
        Path log = Files.createTempFile("terraform", ".log");
        try {
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("terraform " + String.join(" ", args) + " did not finish in 180 s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
