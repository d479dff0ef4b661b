package dev.allframe.maven;

import dev.allframe.infra.terraform.TerraformTasks;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;


/**
 * Fails the build with a diff when the Terraform directory differs from what the code implies; then, as
 * {@code allframe infra validate} does, runs {@code terraform validate} there when terraform is on the PATH and the
 * directory has been initialised, and fails the build when it finds errors.
 */
@Mojo(name = "infra-validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class InfraValidateMojo extends AbstractInfraMojo {
    /** Runs {@code terraform validate} after a match (when installed and initialised). */
    @Parameter(property = "allframe.terraform", defaultValue = "true")
    boolean terraform = true;

    /** Creates the goal (Maven instantiates it). */
    public InfraValidateMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("allframe infra-validate skipped");
            return;
        }
        TerraformTasks.Validation v = run(tasks -> tasks.validate(directory(), terraform));
        if (!v.plan().inSync()) {
            throw new MojoFailureException("drift: " + directory() + " differs from what the code implies; run mvn"
                    + " allframe:infra-emit to regenerate it.\n" + v.drift());
        }
        getLog().info(directory() + " matches the code.");
        String said = v.terraform().output().strip();
        if (v.terraform().outcome() == TerraformTasks.TerraformCheck.Outcome.FAILED) {
            throw new MojoFailureException("terraform validate failed in " + directory() + ":\n" + said);
        }
        for (String line : said.split("\n")) {
            if (!line.isBlank()) {
                getLog().info(line);
            }
        }
    }
}
