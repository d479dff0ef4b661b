package dev.allframe.cli;

import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraModelException;
import dev.allframe.infra.terraform.GeneratedFile;
import dev.allframe.infra.terraform.InfraPlan;
import dev.allframe.infra.terraform.Terraform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/** {@code allframe infra}: Terraform from the code's infrastructure model. */
@Command(name = "infra", mixinStandardHelpOptions = true,
        description = "Terraform derived from the code: emit it, plan changes against a directory, check for drift.",
        subcommands = {InfraCommand.Emit.class, InfraCommand.Plan.class, InfraCommand.Validate.class})
final class InfraCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the subcommands. */
    static class ModelOptions {
        @Option(names = "--model", paramLabel = "FILE", defaultValue = "target/classes/" + InfraModel.RESOURCE,
                description = "The model: an infra.json, a classes directory or a jar holding "
                        + InfraModel.RESOURCE + " (default: ${DEFAULT-VALUE}).")
        Path model;

        @Option(names = "--provider", paramLabel = "aws|gcp", required = true, description = "Target cloud.")
        String provider;

        @Option(names = "--format", paramLabel = "hcl|json", defaultValue = "hcl",
                description = "HCL (*.tf) or Terraform JSON (*.tf.json); default ${DEFAULT-VALUE}.")
        String format;

        List<GeneratedFile> generate() throws IOException {
            InfraModel model = InfraModel.fromJson(read(this.model));
            // The header names the model's resource, not the path it was read from, so the same code gives the
            // same files whatever the working directory.
            return Terraform.emit(model, Terraform.Provider.of(provider), Terraform.Format.of(format),
                    InfraModel.RESOURCE);
        }
    }

    static byte[] read(Path model) throws IOException {
        try {
            if (Files.isDirectory(model)) {
                return Files.readAllBytes(model.resolve(InfraModel.RESOURCE));
            }
            if (model.toString().endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(model.toFile())) {
                    var entry = jar.getEntry(InfraModel.RESOURCE);
                    if (entry == null) {
                        throw new IOException(model + " holds no " + InfraModel.RESOURCE
                                + "; was it built with the AllFrame annotation processor?");
                    }
                    try (var in = jar.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
            return Files.readAllBytes(model);
        } catch (NoSuchFileException e) {
            throw new IOException("no infrastructure model at " + e.getFile()
                    + "; build the application first or pass --model", e);
        }
    }

    /** Runs a body, mapping bad input to exit code 2 with a one-line (or one-list) message. */
    static int guarded(PrintWriter err, Action action) {
        try {
            return action.run();
        } catch (InfraModelException | IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            if (AllFrameCli.verbose()) {
                e.printStackTrace(err);
            }
            return AllFrameCli.BAD_INPUT;
        }
    }

    @FunctionalInterface
    interface Action {
        int run() throws IOException;
    }

    @Command(name = "emit", mixinStandardHelpOptions = true,
            description = "Write the Terraform root module for a cloud into a directory.")
    static final class Emit implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "terraform", description = "What to emit; only 'terraform' for now.")
        String what;

        @CommandLine.Mixin
        ModelOptions options;

        @Option(names = "--output", paramLabel = "DIR", required = true, description = "Directory to write into.")
        Path output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!"terraform".equals(what)) {
                err.println("error: can only emit 'terraform', not '" + what + "'");
                return AllFrameCli.BAD_INPUT;
            }
            return guarded(err, () -> {
                List<GeneratedFile> files = options.generate();
                Terraform.write(files, output);
                for (GeneratedFile f : files) {
                    out.println("wrote " + output.resolve(f.name()));
                }
                return AllFrameCli.OK;
            });
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Show the resources emitting would add, change or remove in a directory.")
    static final class Plan implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ModelOptions options;

        @Option(names = {"--dir", "--output"}, paramLabel = "DIR", required = true,
                description = "Directory holding the Terraform files.")
        Path dir;

        @Option(names = "--json", description = "Print the plan as JSON.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return guarded(spec.commandLine().getErr(), () -> {
                InfraPlan plan = InfraPlan.compare(options.generate(), dir);
                out.print(json ? plan.toJson() : plan.toText());
                out.flush();
                return AllFrameCli.OK;
            });
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Fail (exit 1) with a diff when a directory differs from what the code implies; then run"
                    + " 'terraform validate' if terraform is installed and the directory is initialised.")
    static final class Validate implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ModelOptions options;

        @Option(names = {"--dir", "--output"}, paramLabel = "DIR", required = true,
                description = "Directory holding the Terraform files.")
        Path dir;

        @Option(names = "--no-terraform", description = "Do not run 'terraform validate'.")
        boolean noTerraform;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return guarded(err, () -> {
                InfraPlan plan = InfraPlan.compare(options.generate(), dir);
                if (!plan.inSync()) {
                    err.println("drift: " + dir + " differs from what the code implies; run 'allframe infra emit"
                            + " terraform' to regenerate it.");
                    err.print(plan.toText());
                    for (Map.Entry<String, String> d : plan.diffs().entrySet()) {
                        err.print(d.getValue());
                    }
                    err.flush();
                    return AllFrameCli.CHECK_FAILED;
                }
                out.println("ok: " + dir + " matches the code.");
                if (noTerraform) {
                    return AllFrameCli.OK;
                }
                return terraformValidate(out, err);
            });
        }

        private int terraformValidate(PrintWriter out, PrintWriter err) throws IOException {
            Path terraform = findOnPath("terraform");
            if (terraform == null) {
                out.println("note: terraform is not on the PATH; skipped 'terraform validate'.");
                return AllFrameCli.OK;
            }
            if (!Files.isDirectory(dir.resolve(".terraform"))) {
                out.println("note: " + dir + " is not initialised; run 'terraform init' there to have"
                        + " 'terraform validate' run as well.");
                return AllFrameCli.OK;
            }
            Path log = Files.createTempFile("allframe-terraform", ".log");
            try {
                Process p = new ProcessBuilder(terraform.toString(), "validate", "-no-color")
                        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!p.waitFor(300, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    err.println("error: terraform validate did not finish in 300 s");
                    return AllFrameCli.CHECK_FAILED;
                }
                String text = Files.readString(log, StandardCharsets.UTF_8);
                (p.exitValue() == 0 ? out : err).print(text);
                return p.exitValue() == 0 ? AllFrameCli.OK : AllFrameCli.CHECK_FAILED;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running terraform validate", e);
            } finally {
                Files.deleteIfExists(log);
            }
        }
    }

    static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
