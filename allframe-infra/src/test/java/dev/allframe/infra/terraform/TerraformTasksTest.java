package dev.allframe.infra.terraform;

import dev.allframe.infra.model.InfraModel;
import dev.allframe.testkit.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operations behind {@code allframe infra} and the Maven plugin's goals, on real files and real terraform. */
class TerraformTasksTest {
    @TempDir
    Path dir;

    @Test
    void reads_the_model_from_a_file_a_classes_directory_or_a_jar_and_names_what_is_missing() throws IOException {
        Path classes = dir.resolve("classes");
        Path file = classes.resolve(InfraModel.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Example.json());
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry(InfraModel.RESOURCE));
            out.write(Example.json().getBytes(StandardCharsets.UTF_8));
        }
        List<GeneratedFile> expected = Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL,
                InfraModel.RESOURCE);
        for (Path model : List.of(file, classes, jar)) {
            assertThat(aws(model).generate()).as(model.toString()).isEqualTo(expected);
        }

        assertThatThrownBy(() -> aws(dir.resolve("nowhere.json")).generate()).isInstanceOf(NoSuchFileException.class)
                .hasMessage(dir.resolve("nowhere.json").toString());
        assertThatThrownBy(() -> aws(dir.resolve("nowhere.jar")).generate()).isInstanceOf(NoSuchFileException.class);
        Path empty = dir.resolve("empty.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new ZipEntry("other.txt"));
        }
        assertThatThrownBy(() -> aws(empty).generate()).isInstanceOf(IOException.class)
                .hasMessage(empty + " holds no " + InfraModel.RESOURCE
                        + "; was it built with the AllFrame annotation processor?");
    }

    @Test
    void emit_plan_and_validate_agree_and_validate_reports_drift_with_a_diff() throws IOException {
        Path model = Files.writeString(dir.resolve("infra.json"), Example.json());
        Path tf = dir.resolve("tf");
        TerraformTasks tasks = aws(model);
        assertThat(tasks.plan(tf).inSync()).isFalse();
        assertThat(tasks.emit(tf)).hasSize(4);
        assertThat(tasks.plan(tf).inSync()).isTrue();
        TerraformTasks.Validation ok = tasks.validate(tf, false);
        assertThat(ok.passed()).isTrue();
        assertThat(ok.drift()).isEmpty();
        assertThat(ok.terraform().outcome()).isEqualTo(TerraformTasks.TerraformCheck.Outcome.NOT_RUN);

        Path outputs = tf.resolve("outputs.tf");
        Files.writeString(outputs, Files.readString(outputs).replace("Name of the event table.", "Renamed."));
        TerraformTasks.Validation drift = tasks.validate(tf, true);
        assertThat(drift.passed()).isFalse();
        assertThat(drift.terraform().outcome()).as("terraform does not run on a drifted directory")
                .isEqualTo(TerraformTasks.TerraformCheck.Outcome.NOT_RUN);
        assertThat(drift.drift()).contains("  ~ output.events_table_name")
                .contains("file outputs.tf: edited by hand since it was generated")
                .contains("-   description = \"Renamed.\"");
    }

    @Test
    void validate_runs_terraform_validate_on_an_initialised_directory() throws Exception {
        TerraformCli tf = TerraformCli.require("run terraform validate behind TerraformTasks.validate");
        Path mirror = TerraformCli.requireAwsMirror();
        Path model = Files.writeString(dir.resolve("infra.json"), Example.json());
        Path module = dir.resolve("tf");
        TerraformTasks tasks = aws(model);
        tasks.emit(module);
        TerraformTasks.Validation uninitialised = tasks.validate(module, true);
        assertThat(uninitialised.passed()).isTrue();
        assertThat(uninitialised.terraform().outcome())
                .isEqualTo(TerraformTasks.TerraformCheck.Outcome.NOT_INITIALISED);
        assertThat(uninitialised.terraform().output()).contains("is not initialised; run 'terraform init'");

        try {
            tf.run(module, "init", "-backend=false", "-input=false", "-plugin-dir=" + mirror);
            TerraformTasks.Validation passed = tasks.validate(module, true);
            assertThat(passed.terraform().outcome()).isEqualTo(TerraformTasks.TerraformCheck.Outcome.PASSED);
            assertThat(passed.terraform().output()).contains("Success!");
            assertThat(passed.passed()).isTrue();

            // A user's own file is not AllFrame's to compare, but terraform validates it with the rest.
            Files.writeString(module.resolve("extra.tf"), """
                    resource "aws_sqs_queue" "extra" {
                      no_such_argument = 1
                    }
                    """);
            TerraformTasks.Validation failed = tasks.validate(module, true);
            assertThat(failed.plan().inSync()).isTrue();
            assertThat(failed.terraform().outcome()).isEqualTo(TerraformTasks.TerraformCheck.Outcome.FAILED);
            assertThat(failed.terraform().output()).contains("no_such_argument");
            assertThat(failed.passed()).isFalse();
        } finally {
            TerraformCli.removeWorkingFiles(module);
        }
    }

    private static TerraformTasks aws(Path model) {
        return TerraformTasks.of(model, Terraform.Provider.AWS, Terraform.Format.HCL);
    }
}
