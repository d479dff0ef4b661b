package dev.allframe.infra.terraform;

import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraModelException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * The infrastructure operations on one model, provider and format: emit the Terraform root module into a directory,
 * plan what emitting would change there, validate that it matches the code (then {@code terraform validate}). The
 * one implementation behind {@code allframe infra emit|plan|validate} and the Maven plugin's {@code infra-emit},
 * {@code infra-plan} and {@code infra-validate} goals; they differ only in how they report.
 *
 * <p>Immutable and reusable; each call reads the model again, so a rebuilt model is seen.
 *
 * <pre>{@code
 * TerraformTasks tasks = TerraformTasks.of(Path.of("target/classes"), Terraform.Provider.AWS, Terraform.Format.HCL);
 * TerraformTasks.Validation v = tasks.validate(Path.of("infra/aws"), true);
 * if (!v.passed()) { System.err.print(v.report()); }
 * }</pre>
 */
public final class TerraformTasks {
    private static final long TERRAFORM_TIMEOUT_SECONDS = 300;

    private final Path model;
    private final Terraform.Provider provider;
    private final Terraform.Format format;

    private TerraformTasks(Path model, Terraform.Provider provider, Terraform.Format format) {
        this.model = Objects.requireNonNull(model, "model");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * @param model an {@code infra.json}, a classes directory or a jar holding {@value InfraModel#RESOURCE}
     * @param provider the cloud
     * @param format HCL or Terraform JSON
     * @return the operations on that model
     */
    public static TerraformTasks of(Path model, Terraform.Provider provider, Terraform.Format format) {
        return new TerraformTasks(model, provider, format);
    }

    /**
     * The generated files. Their header names the model's resource ({@value InfraModel#RESOURCE}), not the path it
     * was read from, so the same code gives the same files whatever the working directory.
     *
     * @return the files emitting would write
     * @throws NoSuchFileException if there is no model at the path (its {@code getFile()} names it)
     * @throws IOException if the model cannot be read, or a jar holds none
     * @throws InfraModelException if the model is invalid, listing every problem
     * @throws IllegalArgumentException if the model has nothing for the provider
     */
    public List<GeneratedFile> generate() throws IOException {
        return Terraform.emit(InfraModel.fromJson(read(model)), provider, format, InfraModel.RESOURCE);
    }

    /**
     * Writes the root module into a directory (created when missing), replacing AllFrame's files there.
     *
     * @param dir the Terraform directory
     * @return the files written
     * @throws IOException if the model cannot be read or the files cannot be written
     * @throws InfraModelException if the model is invalid
     */
    public List<GeneratedFile> emit(Path dir) throws IOException {
        List<GeneratedFile> files = generate();
        Terraform.write(files, dir);
        return files;
    }

    /**
     * @param dir the Terraform directory; missing means everything would be added
     * @return what emitting would add, change or remove there
     * @throws IOException if the model or the directory cannot be read
     * @throws InfraModelException if the model is invalid
     */
    public InfraPlan plan(Path dir) throws IOException {
        return InfraPlan.compare(generate(), dir);
    }

    /**
     * Compares the directory with the code and, when they match and {@code terraform} is true, runs
     * {@code terraform validate} there if terraform is on the PATH and the directory has been initialised.
     *
     * @param dir the Terraform directory
     * @param terraform whether to run {@code terraform validate} after a match
     * @return the outcome; {@link Validation#passed()} says whether a build should go on
     * @throws IOException if the model or the directory cannot be read, or terraform cannot be started
     * @throws InfraModelException if the model is invalid
     */
    public Validation validate(Path dir, boolean terraform) throws IOException {
        InfraPlan plan = plan(dir);
        if (!plan.inSync() || !terraform) {
            return new Validation(plan, new TerraformCheck(TerraformCheck.Outcome.NOT_RUN, ""));
        }
        return new Validation(plan, terraformValidate(dir));
    }

    /**
     * The outcome of {@link #validate}.
     *
     * @param plan the comparison of the directory with the code
     * @param terraform what {@code terraform validate} said, when it ran
     */
    public record Validation(InfraPlan plan, TerraformCheck terraform) {
        /** Checks for nulls. */
        public Validation {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(terraform, "terraform");
        }

        /** @return true when the directory matches the code and terraform, if it ran, found nothing wrong */
        public boolean passed() {
            return plan.inSync() && terraform.outcome() != TerraformCheck.Outcome.FAILED;
        }

        /** @return the drift (the plan, then a line diff per differing file), or "" when in sync */
        public String drift() {
            if (plan.inSync()) {
                return "";
            }
            StringBuilder sb = new StringBuilder(plan.toText());
            plan.diffs().values().forEach(sb::append);
            return sb.toString();
        }
    }

    /**
     * What {@code terraform validate} said.
     *
     * @param outcome whether it ran and passed
     * @param output its output when it ran, else a one-line note saying why not (or "" when not asked)
     */
    public record TerraformCheck(Outcome outcome, String output) {
        /** Checks for nulls. */
        public TerraformCheck {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(output, "output");
        }

        /** Whether terraform ran, and how it ended. */
        public enum Outcome {
            /** Not asked for, or the directory differs from the code. */
            NOT_RUN,
            /** terraform is not on the PATH. */
            NOT_INSTALLED,
            /** The directory has no {@code .terraform}: {@code terraform init} has not run there. */
            NOT_INITIALISED,
            /** {@code terraform validate} succeeded. */
            PASSED,
            /** {@code terraform validate} failed, or did not finish in time. */
            FAILED
        }
    }

    private static TerraformCheck terraformValidate(Path dir) throws IOException {
        Path terraform = findOnPath("terraform");
        if (terraform == null) {
            return new TerraformCheck(TerraformCheck.Outcome.NOT_INSTALLED,
                    "note: terraform is not on the PATH; skipped 'terraform validate'.");
        }
        if (!Files.isDirectory(dir.resolve(".terraform"))) {
            return new TerraformCheck(TerraformCheck.Outcome.NOT_INITIALISED, "note: " + dir + " is not initialised;"
                    + " run 'terraform init' there to have 'terraform validate' run as well.");
        }
        Path log = Files.createTempFile("allframe-terraform", ".log");
        try {
            Process p = new ProcessBuilder(terraform.toString(), "validate", "-no-color")
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TERRAFORM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new TerraformCheck(TerraformCheck.Outcome.FAILED,
                        "terraform validate did not finish in " + TERRAFORM_TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return new TerraformCheck(p.exitValue() == 0 ? TerraformCheck.Outcome.PASSED
                    : TerraformCheck.Outcome.FAILED, text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running terraform validate", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static byte[] read(Path model) throws IOException {
        if (Files.isDirectory(model)) {
            return Files.readAllBytes(model.resolve(InfraModel.RESOURCE));
        }
        if (model.toString().endsWith(".jar")) {
            if (!Files.exists(model)) {
                throw new NoSuchFileException(model.toString());
            }
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
    }
}
