package dev.allframe.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class InfraCommandTest {
    @TempDir
    Path dir;
    Path model;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void writeModel() throws IOException {
        model = dir.resolve("infra.json");
        try (InputStream in = getClass().getResourceAsStream("/infra.json")) {
            Files.write(model, in.readAllBytes());
        }
    }

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = AllFrameCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void emit_writes_the_aws_module_and_validate_then_finds_no_drift() {
        Path tf = dir.resolve("tf");
        assertThat(run("infra", "emit", "terraform", "--provider", "aws", "--model", model.toString(),
                "--output", tf.toString())).isZero();
        assertThat(out.toString()).contains("wrote " + tf.resolve("main.tf"));
        assertThat(tf.resolve("versions.tf")).exists();
        assertThat(run("infra", "validate", "--provider", "aws", "--model", model.toString(), "--dir", tf.toString(),
                "--no-terraform")).isZero();
        assertThat(out.toString()).contains("ok: " + tf + " matches the code.");
    }

    @Test
    void validate_fails_with_a_diff_when_a_generated_file_was_edited() throws IOException {
        Path tf = dir.resolve("tf");
        run("infra", "emit", "terraform", "--provider", "aws", "--model", model.toString(), "--output", tf.toString());
        Path vars = tf.resolve("variables.tf");
        Files.writeString(vars, Files.readString(vars).replace("\"us-east-1\"", "\"eu-west-1\""));
        assertThat(run("infra", "validate", "--provider", "aws", "--model", model.toString(), "--dir", tf.toString()))
                .isEqualTo(AllFrameCli.CHECK_FAILED);
        assertThat(err.toString()).contains("drift: " + tf + " differs from what the code implies")
                .contains("  ~ var.region").contains("file variables.tf: edited by hand since it was generated")
                .contains("-   default     = \"eu-west-1\"").contains("+   default     = \"us-east-1\"");
    }

    @Test
    void validate_runs_terraform_validate_only_in_an_initialised_directory() {
        Path tf = dir.resolve("tf");
        run("infra", "emit", "terraform", "--provider", "gcp", "--model", model.toString(), "--output", tf.toString());
        assertThat(run("infra", "validate", "--provider", "gcp", "--model", model.toString(), "--dir",
                tf.toString())).isZero();
        assertThat(out.toString()).containsAnyOf("is not initialised; run 'terraform init' there",
                "terraform is not on the PATH");
    }

    @Test
    void plan_lists_what_emitting_would_add_as_text_and_as_json() {
        Path tf = dir.resolve("empty");
        assertThat(run("infra", "plan", "--provider", "gcp", "--model", model.toString(), "--dir", tf.toString()))
                .isZero();
        assertThat(out.toString()).contains("  + google_cloud_run_v2_service.orders")
                .contains("  file main.tf: missing").endsWith("to add, 0 to change, 0 to remove.\n");
        assertThat(run("infra", "plan", "--provider", "gcp", "--model", model.toString(), "--dir", tf.toString(),
                "--json")).isZero();
        assertThat(out.toString()).startsWith("{\n  \"inSync\": false,")
                .contains("\"address\": \"google_pubsub_topic.orders\"");
    }

    @Test
    void emit_in_json_format_writes_tf_json_files() {
        Path tf = dir.resolve("tfjson");
        assertThat(run("infra", "emit", "terraform", "--provider", "aws", "--format", "json", "--model",
                model.toString(), "--output", tf.toString())).isZero();
        assertThat(tf.resolve("main.tf.json")).exists();
        assertThat(tf.resolve("main.tf")).doesNotExist();
    }

    @Test
    void reads_the_model_from_a_jar() throws IOException {
        Path jar = dir.resolve("app.jar");
        try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("META-INF/allframe/infra.json"));
            zip.write(Files.readAllBytes(model));
            zip.closeEntry();
        }
        assertThat(run("infra", "plan", "--provider", "aws", "--model", jar.toString(), "--dir",
                dir.resolve("x").toString())).isZero();
        assertThat(out.toString()).contains("  + aws_dynamodb_table.events");
    }

    @Test
    void an_invalid_model_is_exit_code_2_with_every_problem_named() throws IOException {
        Files.writeString(model, Files.readString(model).replace("\"memory\": 512", "\"memory\": 64"));
        assertThat(run("infra", "emit", "terraform", "--provider", "aws", "--model", model.toString(), "--output",
                dir.resolve("tf").toString())).isEqualTo(AllFrameCli.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("error: invalid infrastructure model:\n"
                + "  - function \"orders-worker\".memory: memory 64 MiB is outside 128..10240\n"
                + "  - function \"order-summary\".memory: memory 64 MiB is outside 128..10240\n");
        assertThat(dir.resolve("tf")).doesNotExist();
    }

    @Test
    void a_missing_model_says_how_to_get_one() {
        assertThat(run("infra", "plan", "--provider", "aws", "--model", dir.resolve("nope.json").toString(), "--dir",
                dir.toString())).isEqualTo(AllFrameCli.BAD_INPUT);
        assertThat(err.toString()).contains("no infrastructure model at").contains("build the application first or"
                + " pass --model");
    }

    @Test
    void unknown_provider_format_or_target_is_exit_code_2() {
        assertThat(run("infra", "plan", "--provider", "azure", "--model", model.toString(), "--dir", dir.toString()))
                .isEqualTo(AllFrameCli.BAD_INPUT);
        assertThat(err.toString()).contains("unknown provider \"azure\"; expected aws or gcp");
        assertThat(run("infra", "emit", "pulumi", "--provider", "aws", "--model", model.toString(), "--output",
                dir.toString())).isEqualTo(AllFrameCli.BAD_INPUT);
        assertThat(err.toString()).contains("can only emit 'terraform', not 'pulumi'");
        assertThat(run("infra", "plan", "--model", model.toString(), "--dir", dir.toString()))
                .isEqualTo(AllFrameCli.BAD_INPUT);
        assertThat(err.toString()).contains("Missing required option: '--provider=aws|gcp'");
    }

    @Test
    void help_describes_the_infra_subcommands() {
        assertThat(run("infra", "--help")).isZero();
        assertThat(out.toString()).contains("emit").contains("plan").contains("validate");
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: allframe");
    }
}
