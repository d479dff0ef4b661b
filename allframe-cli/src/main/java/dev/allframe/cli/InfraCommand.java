package dev.allframe.cli;

import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraModelException;
import dev.allframe.infra.terraform.GeneratedFile;
import dev.allframe.infra.terraform.InfraPlan;
import dev.allframe.infra.terraform.Terraform;
import dev.allframe.infra.terraform.TerraformTasks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code allframe infra}: Terraform from the code's infrastructure model (the work is {@link TerraformTasks}'s). */
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

        TerraformTasks tasks() {
            return TerraformTasks.of(model, Terraform.Provider.of(provider), Terraform.Format.of(format));
        }
    }

    /** Runs a body, mapping bad input to exit code 2 with a one-line (or one-list) message. */
    static int guarded(PrintWriter err, Action action) {
        try {
            return action.run();
        } catch (InfraModelException | IllegalArgumentException | IOException e) {
            err.println("error: " + (e instanceof NoSuchFileException missing ? "no infrastructure model at "
                    + missing.getFile() + "; build the application first or pass --model" : e.getMessage()));
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
                List<GeneratedFile> files = options.tasks().emit(output);
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
                InfraPlan plan = options.tasks().plan(dir);
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
                TerraformTasks.Validation v = options.tasks().validate(dir, !noTerraform);
                if (!v.plan().inSync()) {
                    err.println("drift: " + dir + " differs from what the code implies; run 'allframe infra emit"
                            + " terraform' to regenerate it.");
                    err.print(v.drift());
                    err.flush();
                    return AllFrameCli.CHECK_FAILED;
                }
                out.println("ok: " + dir + " matches the code.");
                String said = v.terraform().output();
                if (!said.isEmpty()) {
                    PrintWriter to = v.passed() ? out : err;
                    to.print(said.endsWith("\n") ? said : said + "\n");
                    to.flush();
                }
                return v.passed() ? AllFrameCli.OK : AllFrameCli.CHECK_FAILED;
            });
        }
    }
}
