package dev.allframe.infra.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraModelTest {
    static String example() throws IOException {
        try (InputStream in = InfraModelTest.class.getResourceAsStream("/orders/infra.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void reads_the_example_into_the_typed_model_with_defaults_filled_in() throws IOException {
        InfraModel m = InfraModel.fromJson(example());
        assertThat(m.application()).isEqualTo("orders");
        assertThat(m.eventStores()).containsExactly(new EventStoreTable("events", "auto", "events", "PAY_PER_REQUEST",
                true, 5, 5));
        assertThat(m.queues()).containsExactly(new Queue("order-commands", "auto", 180, true, 5, false));
        LambdaFunction worker = m.functions().get(1);
        assertThat(worker.runtime()).isEqualTo("java21");
        assertThat(worker.handler()).isEqualTo(LambdaFunction.DEFAULT_JAVA_HANDLER);
        assertThat(worker.architecture()).isEqualTo("arm64");
        assertThat(worker.snapStart()).isTrue();
        assertThat(worker.logRetentionDays()).isEqualTo(14);
        assertThat(worker.subscriptions()).containsExactly(new Subscription.OfQueue("order-commands", 10));
        assertThat(m.functions().get(0).http()).hasValueSatisfying(h -> assertThat(h.routes())
                .containsExactly(new Route("POST", "/orders"), new Route("GET", "/orders/{id}")));
        assertThat(m.functions().get(3).uses()).containsExactly(new Use("events", java.util.Set.of(Access.READ_ALL)));
    }

    @Test
    void writing_and_reading_back_gives_the_same_model_and_the_same_text() throws IOException {
        InfraModel m = InfraModel.fromJson(example());
        String written = m.toJson();
        assertThat(InfraModel.fromJson(written)).isEqualTo(m);
        assertThat(InfraModel.fromJson(written).toJson()).isEqualTo(written);
    }

    @Test
    void rejects_text_that_is_not_json_naming_line_and_column() {
        assertThatThrownBy(() -> InfraModel.fromJson("{\n  \"format\": \"allframe-infra\",\n  \"version\": 1,,\n}"))
                .isInstanceOf(InfraModelException.class)
                .hasMessageContaining("invalid JSON at line 3, column 16: expected a quoted key");
    }

    @Test
    void rejects_another_format_version_saying_what_to_do() {
        assertThatThrownBy(() -> InfraModel.fromJson("{\"format\":\"allframe-infra\",\"version\":2,\"application\":\"a\"}"))
                .hasMessageContaining("reads version 1 of the model, the file is version 2");
    }

    @Test
    void rejects_a_wrong_type_and_an_unknown_attribute_by_json_path() {
        assertThatThrownBy(() -> InfraModel.fromJson(model("\"functions\":[{\"name\":\"f\",\"memory\":\"big\"}]")))
                .hasMessageContaining("infra.json.functions[0].memory: expected an integer, got the string \"big\"");
        assertThatThrownBy(() -> InfraModel.fromJson(model("\"queues\":[{\"name\":\"q\",\"visibility\":3}]")))
                .hasMessageContaining("infra.json.queues[0].visibility: unknown attribute");
    }

    @Test
    void rejects_a_subscription_naming_two_sources() {
        assertThatThrownBy(() -> InfraModel.fromJson(model(
                "\"functions\":[{\"name\":\"f\",\"subscribes\":[{\"queue\":\"q\",\"bus\":\"b\"}]}]")))
                .hasMessageContaining("exactly one of \"queue\", \"bus\" or \"stream\", found 2");
    }

    static String model(String body) {
        return "{\"format\":\"allframe-infra\",\"version\":1,\"application\":\"app\"," + body + "}";
    }
}
