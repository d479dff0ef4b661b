package dev.allframe.infra.terraform;

import dev.allframe.infra.internal.MiniJson;
import dev.allframe.infra.model.InfraModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InfraPlanTest {
    @TempDir
    Path dir;

    static List<GeneratedFile> aws(InfraModel model, Terraform.Format format) {
        return Terraform.emit(model, Terraform.Provider.AWS, format, Example.SOURCE);
    }

    @Test
    void against_an_empty_directory_everything_is_added() throws Exception {
        InfraPlan plan = InfraPlan.compare(aws(Example.model(), Terraform.Format.HCL), dir.resolve("missing"));
        assertThat(plan.inSync()).isFalse();
        assertThat(plan.changes()).allMatch(c -> c.action() == InfraPlan.Action.ADD)
                .extracting(InfraPlan.Change::address)
                .contains("aws_dynamodb_table.events", "aws_lambda_function.orders_http", "var.region",
                        "output.orders_http_url", "provider.aws", "terraform");
        assertThat(plan.files()).extracting(InfraPlan.FileState::status).containsOnly(InfraPlan.Status.MISSING);
    }

    @Test
    void right_after_emitting_the_directory_is_in_sync() throws Exception {
        for (Terraform.Format format : Terraform.Format.values()) {
            Path d = dir.resolve(format.name());
            Terraform.write(aws(Example.model(), format), d);
            InfraPlan plan = InfraPlan.compare(aws(Example.model(), format), d);
            assertThat(plan.inSync()).as(format.name()).isTrue();
            assertThat(plan.changes()).isEmpty();
            assertThat(plan.toText()).isEqualTo("No changes: the directory matches the code.\n");
        }
    }

    @Test
    void a_hand_edit_is_reported_as_an_edited_file_a_changed_resource_and_a_diff() throws Exception {
        List<GeneratedFile> files = aws(Example.model(), Terraform.Format.HCL);
        Terraform.write(files, dir);
        Path main = dir.resolve("main.tf");
        Files.writeString(main, Files.readString(main).replace("memory_size      = 512", "memory_size      = 2048"));
        InfraPlan plan = InfraPlan.compare(files, dir);
        assertThat(plan.inSync()).isFalse();
        assertThat(plan.files()).contains(new InfraPlan.FileState("main.tf", InfraPlan.Status.EDITED));
        assertThat(plan.changes()).containsExactly(
                new InfraPlan.Change(InfraPlan.Action.CHANGE, "aws_lambda_function.order_summary"),
                new InfraPlan.Change(InfraPlan.Action.CHANGE, "aws_lambda_function.orders_worker"));
        assertThat(plan.diffs().get("main.tf")).contains("-   memory_size      = 2048")
                .contains("+   memory_size      = 512");
        assertThat(GeneratedFile.intact(Files.readString(main))).isFalse();
    }

    @Test
    void when_the_code_drops_a_function_its_resources_are_removed_and_the_files_are_outdated() throws Exception {
        Terraform.write(aws(Example.model(), Terraform.Format.HCL), dir);
        String smaller = Example.json().replaceFirst("(?s)\\{\\s*\"name\": \"order-summary\".*?\\n    }\\n", "")
                .replace("},\n  ]\n  ,", "}\n  ],");
        InfraModel model = InfraModel.fromJson(fixTrailingComma(smaller));
        assertThat(model.functions()).hasSize(3);
        InfraPlan plan = InfraPlan.compare(aws(model, Terraform.Format.HCL), dir);
        assertThat(plan.files()).contains(new InfraPlan.FileState("main.tf", InfraPlan.Status.OUTDATED));
        assertThat(plan.changes()).filteredOn(c -> c.action() == InfraPlan.Action.REMOVE)
                .extracting(InfraPlan.Change::address).containsExactlyInAnyOrder(
                        "aws_cloudwatch_log_group.order_summary", "aws_iam_role.order_summary",
                        "aws_iam_role_policy.order_summary", "aws_lambda_function.order_summary",
                        "aws_lambda_alias.order_summary", "aws_sqs_queue.order_summary_stream_failures",
                        "aws_lambda_event_source_mapping.order_summary_events_stream",
                        "output.order_summary_function_arn", "output.order_summary_stream_failures_url");
        assertThat(plan.toText()).endsWith("Plan: 0 to add, 0 to change, 9 to remove.\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void plan_as_json_lists_changes_files_and_a_summary() throws Exception {
        List<GeneratedFile> files = aws(Example.model(), Terraform.Format.JSON);
        Terraform.write(files, dir);
        Path main = dir.resolve("main.tf.json");
        Files.writeString(main, Files.readString(main).replace("\"retention_in_days\": 14", "\"retention_in_days\": 30"));
        Map<String, Object> json = (Map<String, Object>) MiniJson.parse(InfraPlan.compare(files, dir).toJson());
        assertThat(json.get("inSync")).isEqualTo(false);
        assertThat((List<Object>) json.get("changes")).hasSize(4).allSatisfy(c ->
                assertThat((Map<String, Object>) c).containsEntry("action", "change"));
        assertThat((List<Object>) json.get("files")).contains(Map.of("name", "main.tf.json", "status", "edited"));
        assertThat(json.get("summary")).isEqualTo(Map.of("add", 0L, "change", 4L, "remove", 0L));
    }

    @Test
    void files_that_differ_only_in_the_header_source_are_up_to_date() throws Exception {
        Terraform.write(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL, "/elsewhere/infra.json"),
                dir);
        InfraPlan plan = InfraPlan.compare(aws(Example.model(), Terraform.Format.HCL), dir);
        assertThat(plan.inSync()).isTrue();
        assertThat(plan.diffs()).isEmpty();
    }

    @Test
    void a_users_own_files_and_override_files_are_left_out() throws Exception {
        List<GeneratedFile> files = aws(Example.model(), Terraform.Format.HCL);
        Terraform.write(files, dir);
        Files.writeString(dir.resolve("backend.tf"), "resource \"aws_sqs_queue\" \"mine\" {}\n");
        Files.writeString(dir.resolve("offline_override.tf"), "provider \"aws\" {\n  region = \"x\"\n}\n");
        assertThat(InfraPlan.compare(files, dir).inSync()).isTrue();
    }

    @Test
    void a_generated_file_left_over_from_another_format_is_obsolete() throws Exception {
        Terraform.write(aws(Example.model(), Terraform.Format.JSON), dir);
        InfraPlan plan = InfraPlan.compare(aws(Example.model(), Terraform.Format.HCL), dir);
        assertThat(plan.files()).contains(new InfraPlan.FileState("main.tf.json", InfraPlan.Status.OBSOLETE),
                new InfraPlan.FileState("main.tf", InfraPlan.Status.MISSING));
    }

    @Test
    void headers_name_the_source_and_a_hash_of_the_content() {
        for (GeneratedFile f : aws(Example.model(), Terraform.Format.HCL)) {
            assertThat(f.content()).startsWith("# Generated by AllFrame from " + Example.SOURCE);
            assertThat(GeneratedFile.intact(f.content())).as(f.name()).isTrue();
        }
        for (GeneratedFile f : aws(Example.model(), Terraform.Format.JSON)) {
            assertThat(f.content()).startsWith("{\n  \"//\": \"Generated by AllFrame from " + Example.SOURCE);
            assertThat(GeneratedFile.intact(f.content())).as(f.name()).isTrue();
            assertThat(GeneratedFile.intact(f.content().replace("\"PK\"", "\"pk\""))).isEqualTo(
                    !f.content().contains("\"PK\""));
        }
    }

    private static String fixTrailingComma(String json) {
        return json.replaceAll(",\\s*]", "\n  ]");
    }
}
