package dev.allframe.infra.terraform;

import dev.allframe.infra.internal.MiniJson;
import dev.allframe.testkit.TerraformCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated AWS module, checked by the real terraform binary offline: init, validate, fmt, plan, show. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsModuleTerraformTest {
    @TempDir
    static Path dir;
    TerraformCli tf;
    Map<String, Object> plan;

    static final String OFFLINE_PROVIDER = """
            provider "aws" {
              access_key                  = "test"
              secret_key                  = "test"
              skip_credentials_validation = true
              skip_requesting_account_id  = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
            }
            """;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void planTheGeneratedModule() throws Exception {
        tf = TerraformCli.require("check the generated AWS module");
        Path mirror = TerraformCli.requireAwsMirror();
        Terraform.write(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.HCL, Example.SOURCE),
                dir);
        // An override file merges into the provider block: offline credentials stay out of the generated code.
        Files.writeString(dir.resolve("offline_override.tf"), OFFLINE_PROVIDER);
        Files.write(dir.resolve("function.zip"), new byte[] {'P', 'K', 5, 6});
        tf.run(dir, "init", "-backend=false", "-input=false", "-plugin-dir=" + mirror);
        tf.run(dir, "plan", "-refresh=false", "-input=false", "-lock=false", "-out=plan.bin",
                "-var", "artifact_path=function.zip");
        plan = (Map<String, Object>) MiniJson.parse(tf.run(dir, "show", "-json", "plan.bin"));
    }

    @AfterAll
    void removeWorkingFiles() throws Exception {
        TerraformCli.removeWorkingFiles(dir);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_json_syntax_module_validates_and_plans_the_same_resources(@TempDir Path jsonDir) throws Exception {
        Terraform.write(Terraform.emit(Example.model(), Terraform.Provider.AWS, Terraform.Format.JSON,
                Example.SOURCE), jsonDir);
        Files.writeString(jsonDir.resolve("offline_override.tf"), OFFLINE_PROVIDER);
        Files.write(jsonDir.resolve("function.zip"), new byte[] {'P', 'K', 5, 6});
        try {
            tf.run(jsonDir, "init", "-backend=false", "-input=false", "-plugin-dir=" + TerraformCli.requireAwsMirror());
            assertThat(tf.run(jsonDir, "validate", "-no-color")).contains("Success!");
            tf.run(jsonDir, "plan", "-refresh=false", "-input=false", "-lock=false", "-out=plan.bin",
                    "-var", "artifact_path=function.zip");
            Map<String, Object> jsonPlan = (Map<String, Object>) MiniJson.parse(tf.run(jsonDir, "show", "-json",
                    "plan.bin"));
            List<Object> hclAddresses = resourceChanges().stream().map(rc -> rc.get("address")).sorted().toList();
            List<Object> jsonAddresses = ((List<Map<String, Object>>) jsonPlan.get("resource_changes")).stream()
                    .map(rc -> rc.get("address")).sorted().toList();
            assertThat(jsonAddresses).isEqualTo(hclAddresses);
        } finally {
            TerraformCli.removeWorkingFiles(jsonDir);
        }
    }

    @Test
    void terraform_validate_accepts_the_module() throws Exception {
        assertThat(tf.run(dir, "validate", "-no-color")).contains("Success! The configuration is valid.");
    }

    @Test
    void terraform_fmt_finds_nothing_to_change() throws Exception {
        assertThat(tf.run(dir, "fmt", "-check", "-recursive", "-list=true")).isEmpty();
    }

    @Test
    void plan_creates_exactly_the_expected_resources() {
        TreeMap<String, Integer> byType = new TreeMap<>();
        for (Map<String, Object> rc : resourceChanges()) {
            assertThat(actions(rc)).as((String) rc.get("address")).containsExactly("create");
            byType.merge((String) rc.get("type"), 1, Integer::sum);
        }
        assertThat(byType).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("aws_apigatewayv2_api", 1),
                Map.entry("aws_apigatewayv2_integration", 1),
                Map.entry("aws_apigatewayv2_route", 2),
                Map.entry("aws_apigatewayv2_stage", 1),
                Map.entry("aws_cloudwatch_event_bus", 1),
                Map.entry("aws_cloudwatch_event_rule", 1),
                Map.entry("aws_cloudwatch_event_target", 1),
                Map.entry("aws_cloudwatch_log_group", 4),
                Map.entry("aws_dynamodb_table", 1),
                Map.entry("aws_iam_role", 4),
                Map.entry("aws_iam_role_policy", 4),
                Map.entry("aws_lambda_alias", 3),
                Map.entry("aws_lambda_event_source_mapping", 2),
                Map.entry("aws_lambda_function", 4),
                Map.entry("aws_lambda_permission", 2),
                Map.entry("aws_s3_bucket", 1),
                Map.entry("aws_s3_bucket_public_access_block", 1),
                Map.entry("aws_s3_bucket_server_side_encryption_configuration", 1),
                Map.entry("aws_s3_bucket_versioning", 1),
                Map.entry("aws_sqs_queue", 3))));
    }

    @Test
    void planned_table_has_the_event_store_schema() {
        Map<String, Object> table = after("aws_dynamodb_table.events");
        assertThat(table).containsEntry("name", "orders-events").containsEntry("hash_key", "PK")
                .containsEntry("range_key", "SK").containsEntry("stream_enabled", true)
                .containsEntry("stream_view_type", "NEW_AND_OLD_IMAGES")
                .containsEntry("billing_mode", "PAY_PER_REQUEST");
        assertThat(table.get("global_secondary_index").toString()).contains("name=by-timestamp")
                .contains("hash_key=time_bucket").contains("range_key=timestamp");
        assertThat(table.get("point_in_time_recovery").toString()).contains("enabled=true");
        assertThat(table.get("ttl").toString()).contains("attribute_name=expires_at").contains("enabled=true");
    }

    @Test
    void planned_mappings_report_batch_item_failures_and_the_stream_one_bisects_to_a_failure_queue() {
        for (String a : List.of("aws_lambda_event_source_mapping.orders_worker_order_commands",
                "aws_lambda_event_source_mapping.order_summary_events_stream")) {
            assertThat(after(a).get("function_response_types")).as(a).isEqualTo(List.of("ReportBatchItemFailures"));
        }
        Map<String, Object> stream = after("aws_lambda_event_source_mapping.order_summary_events_stream");
        assertThat(stream).containsEntry("bisect_batch_on_function_error", true)
                .containsEntry("starting_position", "TRIM_HORIZON");
        assertThat(stream.get("destination_config")).isNotNull();
        Map<String, Object> queue = after("aws_sqs_queue.order_commands");
        assertThat(queue).containsEntry("visibility_timeout_seconds", 180L);
    }

    @Test
    void planned_functions_carry_runtime_snapstart_and_jvm_options() {
        Map<String, Object> http = after("aws_lambda_function.orders_http");
        assertThat(http).containsEntry("runtime", "java21").containsEntry("memory_size", 1024L)
                .containsEntry("architectures", List.of("arm64")).containsEntry("publish", true);
        assertThat(http.get("snap_start").toString()).contains("apply_on=PublishedVersions");
        assertThat(http.get("environment").toString())
                .contains("JAVA_TOOL_OPTIONS=-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        Map<String, Object> custom = after("aws_lambda_function.stock_events");
        assertThat(custom).containsEntry("runtime", "provided.al2023")
                .containsEntry("architectures", List.of("x86_64"));
        assertThat(custom.get("snap_start")).isEqualTo(List.of());
    }

    @Test
    void iam_policy_resources_are_unknown_until_apply_so_the_plan_holds_them_as_computed() {
        // The plan cannot show policy documents (they embed ARNs known only after apply); the next test
        // evaluates them with terraform's mock provider instead.
        for (String f : List.of("orders_http", "orders_worker", "stock_events", "order_summary")) {
            assertThat(after("aws_iam_role_policy." + f)).containsEntry("name", "least-privilege");
        }
    }

    @Test
    void applied_with_a_mock_provider_each_policy_is_exactly_the_derived_one_and_has_no_wildcard_action()
            throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/iam.tftest.hcl"), MockPolicies.testFile(Example.model()));
        TerraformCli.Result r = tf.tryRun(dir, "test", "-no-color");
        assertThat(r.output()).as(r.output()).contains("Success! 1 passed, 0 failed.");
        assertThat(r.exit()).isZero();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> resourceChanges() {
        return (List<Map<String, Object>>) plan.get("resource_changes");
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> rc) {
        return (List<String>) ((Map<String, Object>) rc.get("change")).get("actions");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> after(String address) {
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> rc : resourceChanges()) {
            seen.add((String) rc.get("address"));
            if (address.equals(rc.get("address"))) {
                return (Map<String, Object>) ((Map<String, Object>) rc.get("change")).get("after");
            }
        }
        throw new AssertionError("no planned change for " + address + " among " + seen);
    }
}
