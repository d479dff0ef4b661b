package dev.allframe.maven;

import dev.allframe.infra.terraform.InfraPlan;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;


/** Logs what emitting would add, change or remove in the Terraform directory. */
@Mojo(name = "infra-plan", threadSafe = true)
public class InfraPlanMojo extends AbstractInfraMojo {
    /** Logs the plan as JSON. */
    @Parameter(property = "allframe.json", defaultValue = "false")
    boolean json;

    /** Creates the goal (Maven instantiates it). */
    public InfraPlanMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("allframe infra-plan skipped");
            return;
        }
        InfraPlan plan = run(tasks -> tasks.plan(directory()));
        for (String line : (json ? plan.toJson() : plan.toText()).split("\n")) {
            getLog().info(line);
        }
    }
}
