package dev.allframe.maven;

import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraModelException;
import dev.allframe.infra.terraform.GeneratedFile;
import dev.allframe.infra.terraform.Terraform;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Parameters and model loading shared by the infra goals. */
abstract class AbstractInfraMojo extends AbstractMojo {
    /** The model written by the annotation processor. */
    @Parameter(property = "allframe.model",
            defaultValue = "${project.build.outputDirectory}/META-INF/allframe/infra.json")
    File model;

    /** Target cloud: {@code aws} or {@code gcp}. */
    @Parameter(property = "allframe.provider", required = true)
    String provider;

    /** {@code hcl} or {@code json}. */
    @Parameter(property = "allframe.format", defaultValue = "hcl")
    String format;

    /** The Terraform directory. */
    @Parameter(property = "allframe.infraDirectory", defaultValue = "${project.basedir}/infra/${allframe.provider}")
    File directory;

    /** Skips the goal. */
    @Parameter(property = "allframe.infra.skip", defaultValue = "false")
    boolean skip;

    /**
     * @return the generated files
     * @throws MojoExecutionException naming the problem when the model is missing, unreadable or invalid
     */
    List<GeneratedFile> generate() throws MojoExecutionException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model.toPath());
        } catch (NoSuchFileException e) {
            throw new MojoExecutionException("no infrastructure model at " + model
                    + "; is the AllFrame annotation processor on the compiler's processor path?", e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + model + ": " + e.getMessage(), e);
        }
        try {
            return Terraform.emit(InfraModel.fromJson(bytes), Terraform.Provider.of(provider),
                    Terraform.Format.of(format), InfraModel.RESOURCE);
        } catch (InfraModelException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
