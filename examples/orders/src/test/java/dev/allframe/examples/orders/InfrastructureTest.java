package dev.allframe.examples.orders;

import dev.allframe.infra.iam.IamDerivation;
import dev.allframe.infra.iam.IamPolicy;
import dev.allframe.infra.iam.IamStatement;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.terraform.GeneratedFile;
import dev.allframe.infra.terraform.Terraform;
import dev.allframe.testkit.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's build writes {@code META-INF/allframe/infra.json} from its annotations; from it, allframe-infra
 * derives exactly the IAM the code needs and a Terraform module that terraform accepts.
 */
class InfrastructureTest {
    private static final Path MODEL = Path.of("target/classes", InfraModel.RESOURCE);

    private static InfraModel model() throws IOException {
        assertThat(MODEL).as("written by allframe-processor at compile time").exists();
        return InfraModel.fromJson(Files.readAllBytes(MODEL));
    }

    @Test
    void the_build_declares_the_table_and_stream_the_queue_with_a_dlq_the_bus_their_consumer_and_the_http_function()
            throws IOException {
        InfraModel model = model();
        assertThat(model.application()).isEqualTo("orders");
        assertThat(model.eventStores()).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("events");
            assertThat(t.stream()).isTrue();
        });
        assertThat(model.queues()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("order-commands");
            assertThat(q.dlq()).isTrue();
            assertThat(q.dlqMaxReceives()).isEqualTo(5);
        });
        LambdaFunction http = model.functions().stream().filter(f -> f.name().equals("orders-http")).findFirst()
                .orElseThrow();
        assertThat(http.handler()).isEqualTo("dev.allframe.examples.orders.OrdersLambda::handleRequest");
        assertThat(http.http().orElseThrow().type()).isEqualTo("function-url");
        assertThat(http.subscriptions()).isEmpty();
        LambdaFunction events = model.functions().stream().filter(f -> f.name().equals("orders-events")).findFirst()
                .orElseThrow();
        assertThat(events.handler()).isEqualTo("dev.allframe.examples.orders.OrdersEventsLambda::handleRequest");
        assertThat(events.http()).isEmpty();
        assertThat(events.subscriptions()).extracting(Object::toString).containsExactly(
                "OfQueue[source=order-commands, batchSize=10]",
                "OfBus[source=shop, detailTypes=[CheckoutCompleted]]",
                "OfStream[source=events, batchSize=10, maxRetries=3]");
        assertThat(model.eventBuses()).extracting(b -> b.name()).containsExactly("shop");
    }

    @Test
    void the_queue_consumer_may_receive_and_delete_its_queues_messages_and_use_the_event_table() throws IOException {
        IamPolicy policy = IamDerivation.derive(model()).stream().filter(p -> p.deployable().equals("orders-events"))
                .findFirst().orElseThrow();
        assertThat(policy.statements()).extracting(IamStatement::toString).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/orders-events:*",
                "AppendTableEvents: dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:TransactWriteItems,"
                        + " dynamodb:UpdateItem on table/events",
                "ReadTableEvents: dynamodb:GetItem, dynamodb:Query on table/events",
                "ReadAllTableEvents: dynamodb:Query on table/events/index/by-timestamp",
                "ConsumeQueueOrderCommands: sqs:DeleteMessage, sqs:GetQueueAttributes, sqs:ReceiveMessage"
                        + " on queue/order-commands",
                "ConsumeStreamEvents: dynamodb:DescribeStream, dynamodb:GetRecords, dynamodb:GetShardIterator,"
                        + " dynamodb:ListStreams on stream/events",
                "SendStreamFailuresEvents: sqs:SendMessage on queue/orders-events-stream-failures");
    }

    @Test
    void the_http_function_may_append_to_and_read_the_event_table_and_write_its_own_logs_and_nothing_else()
            throws IOException {
        IamPolicy policy = IamDerivation.derive(model()).stream().filter(p -> p.deployable().equals("orders-http"))
                .findFirst().orElseThrow();
        assertThat(policy.statements()).extracting(IamStatement::toString).containsExactly(
                "Logs: logs:CreateLogStream, logs:PutLogEvents on log-group/orders-http:*",
                "AppendTableEvents: dynamodb:ConditionCheckItem, dynamodb:PutItem, dynamodb:TransactWriteItems,"
                        + " dynamodb:UpdateItem on table/events",
                "ReadTableEvents: dynamodb:GetItem, dynamodb:Query on table/events",
                "ReadAllTableEvents: dynamodb:Query on table/events/index/by-timestamp");
    }

    @Test
    void terraform_accepts_the_emitted_aws_module(@TempDir Path dir) throws Exception {
        TerraformCli tf = TerraformCli.require("check the AWS module emitted from the example's infra.json");
        List<GeneratedFile> files = Terraform.emit(model(), Terraform.Provider.AWS, Terraform.Format.HCL,
                "examples/orders/" + MODEL);
        Terraform.write(files, dir);
        assertThat(tf.run(dir, "fmt", "-check", "-diff")).isEqualTo("");
        Path mirror = TerraformCli.requireAwsMirror();
        try {
            tf.run(dir, "init", "-backend=false", "-input=false", "-plugin-dir=" + mirror);
            assertThat(tf.run(dir, "validate", "-no-color")).contains("Success! The configuration is valid.");
        } finally {
            TerraformCli.removeWorkingFiles(dir);
        }
    }

    @Test
    void the_http_module_is_also_a_cloud_run_service_on_cloud_sql_and_its_gcp_module_is_terraform_formatted(
            @TempDir Path dir) throws Exception {
        InfraModel model = model();
        assertThat(model.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("orders");
            assertThat(s.port()).isEqualTo(8080);
        });
        List<GeneratedFile> files = Terraform.emit(model, Terraform.Provider.GCP, Terraform.Format.HCL,
                "examples/orders/" + MODEL);
        String main = files.stream().filter(f -> f.name().equals("main.tf")).findFirst().orElseThrow().content();
        assertThat(main).contains("resource \"google_cloud_run_v2_service\" \"orders\"",
                "resource \"google_sql_database_instance\" \"events\"", "name  = \"ALLFRAME_STORE\"");
        TerraformCli tf = TerraformCli.require("check the GCP module emitted from the example's infra.json");
        Terraform.write(files, dir);
        assertThat(tf.run(dir, "fmt", "-check", "-diff")).isEqualTo("");
    }
}
