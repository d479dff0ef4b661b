package dev.allframe.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the {@code terraform} binary offline for tests (no CLI configuration, no checkpoint calls), and finds a local
 * filesystem mirror of the {@code hashicorp/aws} provider so generated modules can be {@code init}ed and planned
 * without the network. A missing binary or mirror skips the test locally and fails it in CI (see {@link Tools}).
 *
 * <pre>{@code
 * TerraformCli tf = TerraformCli.require("validate the generated module");
 * tf.run(dir, "init", "-backend=false", "-input=false", "-plugin-dir=" + TerraformCli.requireAwsMirror());
 * try {
 *     assertThat(tf.run(dir, "validate", "-no-color")).contains("Success!");
 * } finally {
 *     TerraformCli.removeWorkingFiles(dir);
 * }
 * }</pre>
 */
public final class TerraformCli {
    private static final String AWS = "registry.terraform.io/hashicorp/aws";
    private static final long TIMEOUT_SECONDS = 180;

    private final Path terraform;

    private TerraformCli(Path terraform) {
        this.terraform = terraform;
    }

    /**
     * @param why what the test needs terraform for, shown when it is missing
     * @return a runner for the {@code terraform} on the {@code PATH}; skips (locally) or fails (CI) the test if there
     *         is none
     */
    public static TerraformCli require(String why) {
        return new TerraformCli(Tools.require("terraform", why));
    }

    /**
     * Finds the folder holding {@code registry.terraform.io/hashicorp/aws}: {@code TF_PLUGIN_MIRROR} if set, else a
     * few well-known places (three levels deep), else a bounded search of the file system (four levels).
     *
     * @return the mirror, for {@code terraform init -plugin-dir=...}, if there is one
     */
    public static Optional<Path> awsMirror() {
        String env = System.getenv("TF_PLUGIN_MIRROR");
        if (env != null && !env.isBlank() && hasAws(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String home = System.getProperty("user.home");
        for (String c : List.of("/opt", "/usr/local/share", "/usr/share", "/usr/local/lib",
                home + "/.terraform.d/plugins", home + "/.local/share/terraform/plugins")) {
            Optional<Path> found = search(Path.of(c), 3);
            if (found.isPresent()) {
                return found;
            }
        }
        return search(Path.of("/"), 4);
    }

    /**
     * @return the mirror found by {@link #awsMirror()}; skips (locally) or fails (CI) the test if there is none
     */
    public static Path requireAwsMirror() {
        Optional<Path> found = awsMirror();
        if (found.isEmpty()) {
            Tools.unavailable("no local Terraform provider mirror with " + AWS + " was found (set TF_PLUGIN_MIRROR);"
                    + " it is needed to init and plan the generated AWS module offline");
        }
        return found.orElseThrow();
    }

    private static boolean hasAws(Path dir) {
        return Files.isDirectory(dir.resolve(AWS));
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
            for (Path child : children.filter(p -> Files.isDirectory(p) && !Files.isSymbolicLink(p)).sorted()
                    .toList()) {
                Optional<Path> found = search(child, depth - 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // unreadable: not a mirror
        }
        return Optional.empty();
    }

    /**
     * Deletes a directory's {@code .terraform} folder without following its links into the provider mirror (JUnit's
     * temp-dir cleanup warns about them otherwise).
     *
     * @param dir a directory terraform was initialised in
     * @throws IOException if a file cannot be deleted
     */
    public static void removeWorkingFiles(Path dir) throws IOException {
        Path work = dir.resolve(".terraform");
        if (!Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(work)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Runs terraform in a directory and fails the test with its output on a non-zero exit.
     *
     * @param dir the working directory
     * @param args the arguments, such as {@code "validate", "-no-color"}
     * @return the combined standard output and error
     * @throws IOException if terraform cannot be started
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if it exits non-zero or runs longer than 180 s
     */
    public String run(Path dir, String... args) throws IOException, InterruptedException {
        Result r = tryRun(dir, args);
        if (r.exit() != 0) {
            throw new AssertionError("terraform " + String.join(" ", args) + " exited " + r.exit() + ":\n"
                    + r.output());
        }
        return r.output();
    }

    /**
     * What a terraform run gave.
     *
     * @param exit its exit status
     * @param output the combined standard output and error
     */
    public record Result(int exit, String output) {
    }

    /**
     * Runs terraform in a directory, whatever its exit status.
     *
     * @param dir the working directory
     * @param args the arguments
     * @return the exit status and output
     * @throws IOException if terraform cannot be started
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if it runs longer than 180 s (it is killed)
     */
    public Result tryRun(Path dir, String... args) throws IOException, InterruptedException {
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
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("terraform " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
