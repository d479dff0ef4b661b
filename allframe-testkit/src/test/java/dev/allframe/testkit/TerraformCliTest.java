package dev.allframe.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerraformCliTest {
    @Test
    void runsTerraformAndFailsWithItsOutputOnANonZeroExit(@TempDir Path dir) throws Exception {
        TerraformCli tf = TerraformCli.require("check the test runner for terraform");
        assertThat(tf.run(dir, "version")).startsWith("Terraform v");
        TerraformCli.Result bad = tf.tryRun(dir, "no-such-command");
        assertThat(bad.exit()).isNotZero();
        assertThatThrownBy(() -> tf.run(dir, "no-such-command")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("terraform no-such-command exited " + bad.exit());
    }

    @Test
    void aFoundMirrorHoldsTheAwsProvider() {
        TerraformCli.awsMirror().ifPresent(m ->
                assertThat(m.resolve("registry.terraform.io/hashicorp/aws")).isDirectory());
    }

    @Test
    void removesTheWorkingFilesWithoutFollowingLinksIntoTheMirror(@TempDir Path dir) throws Exception {
        Path mirror = Files.createDirectories(dir.resolve("mirror/registry.terraform.io/hashicorp/aws"));
        Path provider = Files.writeString(mirror.resolve("provider"), "binary");
        Path module = Files.createDirectories(dir.resolve("module"));
        Path providers = Files.createDirectories(module.resolve(".terraform/providers"));
        Files.createSymbolicLink(providers.resolve("aws"), mirror);
        Files.writeString(module.resolve("main.tf"), "");

        TerraformCli.removeWorkingFiles(module);

        assertThat(module.resolve(".terraform")).doesNotExist();
        assertThat(module.resolve("main.tf")).exists();
        assertThat(provider).hasContent("binary");
        TerraformCli.removeWorkingFiles(module); // nothing left to remove: no error
    }
}
