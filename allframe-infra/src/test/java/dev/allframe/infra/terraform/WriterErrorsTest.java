package dev.allframe.infra.terraform;

import dev.allframe.infra.model.InfraModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterErrorsTest {
    static InfraModel model(String body) {
        return InfraModel.fromJson("{\"format\":\"allframe-infra\",\"version\":1,\"application\":\"app\"," + body + "}");
    }

    @Test
    void aws_refuses_a_postgresql_event_store_and_pubsub_queues() {
        assertThatThrownBy(() -> Terraform.emit(model("\"eventStores\":[{\"name\":\"events\",\"provider\":\"postgresql\"}]"),
                Terraform.Provider.AWS, Terraform.Format.HCL, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event store \"events\" uses provider \"postgresql\", which the AWS writer does not"
                        + " generate; use dynamodb or auto");
        assertThatThrownBy(() -> Terraform.emit(model("\"queues\":[{\"name\":\"q\",\"provider\":\"pubsub\"}]"),
                Terraform.Provider.AWS, Terraform.Format.HCL, "x"))
                .hasMessageContaining("queue \"q\" uses provider \"pubsub\"");
    }

    @Test
    void gcp_needs_a_cloud_run_service_and_refuses_dynamodb() {
        assertThatThrownBy(() -> Terraform.emit(model("\"functions\":[{\"name\":\"f\"}]"), Terraform.Provider.GCP,
                Terraform.Format.HCL, "x"))
                .hasMessage("the model declares no Cloud Run service (@CloudRunService); there is nothing to deploy"
                        + " on GCP");
        assertThatThrownBy(() -> Terraform.emit(model("\"eventStores\":[{\"name\":\"events\",\"provider\":\"dynamodb\"}],"
                + "\"cloudRunServices\":[{\"name\":\"svc\"}]"), Terraform.Provider.GCP, Terraform.Format.HCL, "x"))
                .hasMessageContaining("uses provider \"dynamodb\", which the GCP writer does not generate");
    }

    @Test
    void unknown_provider_and_format_names_are_refused_with_the_choices() {
        assertThatThrownBy(() -> Terraform.Provider.of("azure")).hasMessage("unknown provider \"azure\"; expected aws or gcp");
        assertThatThrownBy(() -> Terraform.Format.of("yaml")).hasMessage("unknown format \"yaml\"; expected hcl or json");
    }
}
