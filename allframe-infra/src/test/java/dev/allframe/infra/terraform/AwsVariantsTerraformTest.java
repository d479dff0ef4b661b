package dev.allframe.infra.terraform;

import dev.allframe.infra.internal.MiniJson;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.testkit.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The branches the orders example does not take (FIFO queues, a queue without DLQ, public and IAM Function URLs,
 * catch-all routes, provisioned billing, no stream, no SnapStart, user environment overriding the JVM options),
 * checked by terraform offline.
 */
class AwsVariantsTerraformTest {
    @TempDir
    Path dir;

    static InfraModel variants() throws IOException {
        try (InputStream in = AwsVariantsTerraformTest.class.getResourceAsStream("/variants/infra.json")) {
            return InfraModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void variants_validate_and_plan_as_intended() throws Exception {
        TerraformCli tf = TerraformCli.require("check the generated AWS module's variants");
        Path mirror = TerraformCli.requireAwsMirror();
        Terraform.write(Terraform.emit(variants(), Terraform.Provider.AWS, Terraform.Format.HCL, "variants.json"),
                dir);
        Files.writeString(dir.resolve("offline_override.tf"), AwsModuleTerraformTest.OFFLINE_PROVIDER);
        Files.write(dir.resolve("function.zip"), new byte[] {'P', 'K'});
        try {
            tf.run(dir, "init", "-backend=false", "-input=false", "-plugin-dir=" + mirror);
            assertThat(tf.run(dir, "validate", "-no-color")).contains("Success!");
            assertThat(tf.run(dir, "fmt", "-check", "-list=true")).isEmpty();
            tf.run(dir, "plan", "-refresh=false", "-input=false", "-lock=false", "-out=plan.bin",
                    "-var", "artifact_path=function.zip");
            Map<String, Object> plan = (Map<String, Object>) MiniJson.parse(tf.run(dir, "show", "-json", "plan.bin"));
            Map<String, Map<String, Object>> after = new java.util.TreeMap<>();
            for (Map<String, Object> rc : (List<Map<String, Object>>) plan.get("resource_changes")) {
                after.put((String) rc.get("address"),
                        (Map<String, Object>) ((Map<String, Object>) rc.get("change")).get("after"));
            }
            assertThat(after.get("aws_sqs_queue.payments")).containsEntry("name", "shop-payments.fifo")
                    .containsEntry("fifo_queue", true).containsEntry("visibility_timeout_seconds", 120L);
            assertThat(after.get("aws_sqs_queue.payments_dlq")).containsEntry("name", "shop-payments-dlq.fifo")
                    .containsEntry("fifo_queue", true);
            assertThat(after).doesNotContainKey("aws_sqs_queue.audit_dlq");
            assertThat(after.get("aws_dynamodb_table.ledger")).containsEntry("billing_mode", "PROVISIONED")
                    .containsEntry("read_capacity", 3L).containsEntry("write_capacity", 2L)
                    .containsEntry("stream_enabled", null);
            assertThat(after.get("aws_lambda_function_url.public_api")).containsEntry("authorization_type", "NONE");
            assertThat(after.get("aws_lambda_permission.public_api_function_url"))
                    .containsEntry("action", "lambda:InvokeFunctionUrl").containsEntry("principal", "*")
                    .containsEntry("function_url_auth_type", "NONE");
            assertThat(after.get("aws_lambda_function_url.private_api")).containsEntry("authorization_type",
                    "AWS_IAM");
            assertThat(after).doesNotContainKey("aws_lambda_permission.private_api_function_url");
            assertThat(after.get("aws_apigatewayv2_route.gateway_get_files_path")).containsEntry("route_key",
                    "GET /files/{path+}");
            assertThat(after.get("aws_apigatewayv2_route.gateway_get_root")).containsEntry("route_key", "GET /");
            // Only a function whose environment references nothing unknown shows it in the plan.
            Map<String, Object> env = ((List<Map<String, Object>>) after.get("aws_lambda_function.gateway")
                    .get("environment")).getFirst();
            assertThat((Map<String, Object>) env.get("variables"))
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC")
                    .containsEntry("GREETING", "${not a template} 100%{x}")
                    .doesNotContainKey("ALLFRAME_FUNCTION");
            assertThat(after.get("aws_lambda_function.public_api")).containsEntry("publish", false);
            assertThat(after).doesNotContainKey("aws_lambda_alias.public_api");
            assertThat(after.get("aws_lambda_event_source_mapping.payer_payments")).containsEntry("batch_size", 5L);
        } finally {
            TerraformCli.removeWorkingFiles(dir);
        }
    }
}
