package dev.allframe.maven;

import dev.allframe.infra.model.InfraModelException;
import dev.allframe.infra.terraform.Terraform;
import dev.allframe.infra.terraform.TerraformTasks;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** Parameters shared by the infra goals; the work is {@link TerraformTasks}'s, as for {@code allframe infra}. */
abstract class AbstractInfraMojo extends AbstractMojo {
    /** The model written by the annotation processor: an infra.json, a classes directory or a jar holding it. */
    @Parameter(property = "allframe.model",
            defaultValue = "${project.build.outputDirectory}/META-INF/allframe/infra.json")
    File model;

    /** Target cloud: {@code aws} or {@code gcp}. */
    @Parameter(property = "allframe.provider", required = true)
    String provider;

    /** {@code hcl} or {@code json}. */
    @Parameter(property = "allframe.format", defaultValue = "hcl")
    String format;

    /**
     * The Terraform directory; default {@code infra/PROVIDER} in the project's directory (computed here, since an
     * expression such as {@code ${allframe.provider}} would stay literal when the provider is set in the plugin's
     * configuration).
     */
    @Parameter(property = "allframe.infraDirectory")
    File directory;

    /** The project's directory. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File basedir;

    /** Skips the goal. */
    @Parameter(property = "allframe.infra.skip", defaultValue = "false")
    boolean skip;

    /** @return {@link #directory}, else {@code infra/PROVIDER} in the project's directory */
    java.nio.file.Path directory() {
        if (directory != null) {
            return directory.toPath();
        }
        File base = basedir != null ? basedir : new File(".");
        return base.toPath().resolve("infra").resolve(provider);
    }

    /** @return the operations on this model, provider and format */
    TerraformTasks tasks() throws MojoExecutionException {
        try {
            return TerraformTasks.of(model.toPath(), Terraform.Provider.of(provider), Terraform.Format.of(format));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * Runs one operation, turning bad input into an execution error that names the problem.
     *
     * @param task the operation
     * @param <T> its result
     * @return its result
     * @throws MojoExecutionException when the model is missing, unreadable or invalid, or the directory unreadable
     */
    <T> T run(Task<T> task) throws MojoExecutionException {
        try {
            return task.run(tasks());
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("no infrastructure model at " + e.getFile()
                    + "; is the AllFrame annotation processor on the compiler's processor path?", e);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage() + " (model " + model + ", directory " + directory()
                    + ")", e);
        } catch (InfraModelException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** One of {@link TerraformTasks}' operations. */
    @FunctionalInterface
    interface Task<T> {
        T run(TerraformTasks tasks) throws IOException;
    }
}
