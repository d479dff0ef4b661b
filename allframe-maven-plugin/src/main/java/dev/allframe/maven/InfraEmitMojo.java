package dev.allframe.maven;

import dev.allframe.infra.terraform.GeneratedFile;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.List;

/** Writes the Terraform root module for a cloud ({@code mvn allframe:infra-emit -Dallframe.provider=aws}). */
@Mojo(name = "infra-emit", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class InfraEmitMojo extends AbstractInfraMojo {
    /** Creates the goal (Maven instantiates it). */
    public InfraEmitMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("allframe infra-emit skipped");
            return;
        }
        List<GeneratedFile> files = run(tasks -> tasks.emit(directory()));
        getLog().info("wrote " + files.size() + " Terraform files to " + directory());
    }
}
