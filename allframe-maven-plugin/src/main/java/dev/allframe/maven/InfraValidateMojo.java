package dev.allframe.maven;

import dev.allframe.infra.terraform.InfraPlan;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.IOException;

/** Fails the build with a diff when the Terraform directory differs from what the code implies. */
@Mojo(name = "infra-validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class InfraValidateMojo extends AbstractInfraMojo {
    /** Creates the goal (Maven instantiates it). */
    public InfraValidateMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("allframe infra-validate skipped");
            return;
        }
        InfraPlan plan;
        try {
            plan = InfraPlan.compare(generate(), directory.toPath());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("cannot compare with " + directory + ": " + e.getMessage(), e);
        }
        if (!plan.inSync()) {
            StringBuilder sb = new StringBuilder("drift: ").append(directory)
                    .append(" differs from what the code implies; run mvn allframe:infra-emit to regenerate it.\n")
                    .append(plan.toText());
            plan.diffs().values().forEach(sb::append);
            throw new MojoFailureException(sb.toString());
        }
        getLog().info(directory + " matches the code.");
    }
}
