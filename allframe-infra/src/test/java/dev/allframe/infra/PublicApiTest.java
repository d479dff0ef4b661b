package dev.allframe.infra;

import dev.allframe.infra.hcl.Body;
import dev.allframe.infra.hcl.Expr;
import dev.allframe.infra.hcl.HclWriter;
import dev.allframe.infra.iam.IamDerivation;
import dev.allframe.infra.iam.IamPolicy;
import dev.allframe.infra.model.Access;
import dev.allframe.infra.model.EventStoreTable;
import dev.allframe.infra.model.HttpDoor;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraProblem;
import dev.allframe.infra.model.InfraValidator;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.model.Queue;
import dev.allframe.infra.model.Route;
import dev.allframe.infra.model.Subscription;
import dev.allframe.infra.model.Use;
import dev.allframe.infra.terraform.GeneratedFile;
import dev.allframe.infra.terraform.InfraPlan;
import dev.allframe.infra.terraform.TerraformTasks;
import dev.allframe.infra.terraform.Terraform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the public API the way the annotation processor and the CLI do, so an API break fails compilation. */
class PublicApiTest {
    @TempDir
    Path dir;

    @Test
    void a_model_built_in_code_validates_round_trips_derives_iam_emits_and_plans() throws Exception {
        InfraModel model = new InfraModel("shop",
                List.of(new EventStoreTable("events", "auto", "events", "PAY_PER_REQUEST", true, 5, 5)),
                List.of(new Queue("jobs", "auto", 120, true, 4, false)),
                List.of(), List.of(),
                List.of(new LambdaFunction("api", LambdaFunction.JAVA21, LambdaFunction.DEFAULT_JAVA_HANDLER, 1024, 30,
                                "arm64", true, Map.of(), Optional.of(new HttpDoor(HttpDoor.FUNCTION_URL_IAM,
                                        List.of(new Route("GET", "/jobs/{id}")))), 30, List.of(),
                                List.of(new Use("events", Set.of(Access.READ)), new Use("jobs", Set.of(Access.PUBLISH)))),
                        new LambdaFunction("worker", LambdaFunction.JAVA21, LambdaFunction.DEFAULT_JAVA_HANDLER, 512,
                                60, "arm64", true, Map.of(), Optional.empty(), 14,
                                List.of(new Subscription.OfQueue("jobs", 10)),
                                List.of(new Use("events", Set.of(Access.APPEND))))),
                List.of());
        List<InfraProblem> problems = InfraValidator.validate(model);
        assertThat(problems).isEmpty();
        assertThat(InfraModel.fromJson(model.toJson())).isEqualTo(model);

        List<IamPolicy> policies = IamDerivation.derive(model);
        assertThat(policies.get(0).actions()).containsExactly("dynamodb:GetItem", "dynamodb:Query",
                "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage");
        assertThat(policies.get(1).actions()).containsExactly("dynamodb:ConditionCheckItem", "dynamodb:PutItem",
                "dynamodb:TransactWriteItems", "dynamodb:UpdateItem", "logs:CreateLogStream", "logs:PutLogEvents",
                "sqs:DeleteMessage",
                "sqs:GetQueueAttributes", "sqs:ReceiveMessage");

        List<GeneratedFile> files = Terraform.emit(model, Terraform.Provider.AWS, Terraform.Format.HCL, "code");
        Terraform.write(files, dir);
        InfraPlan plan = InfraPlan.compare(files, dir);
        assertThat(plan.inSync()).isTrue();
        Path modelFile = Files.writeString(dir.resolve("infra.json"), model.toJson());
        TerraformTasks tasks = TerraformTasks.of(modelFile, Terraform.Provider.AWS, Terraform.Format.HCL);
        List<GeneratedFile> emitted = tasks.emit(dir.resolve("tasks"));
        assertThat(emitted).isEqualTo(tasks.generate());
        assertThat(tasks.plan(dir.resolve("tasks")).inSync()).isTrue();
        TerraformTasks.Validation validation = tasks.validate(dir.resolve("tasks"), false);
        assertThat(validation.passed()).isTrue();
        assertThat(validation.drift()).isEmpty();
        TerraformTasks.TerraformCheck check = validation.terraform();
        assertThat(check.outcome()).isEqualTo(TerraformTasks.TerraformCheck.Outcome.NOT_RUN);
        assertThat(check.output()).isEmpty();

        String hcl = HclWriter.write(Body.builder().block(Body.block("output", "x")
                .attr("value", Expr.template(Expr.ref("var.name_prefix"), "x"))).buildBody());
        assertThat(hcl).isEqualTo("output \"x\" {\n  value = \"${var.name_prefix}x\"\n}\n");
    }
}
