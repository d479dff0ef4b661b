package dev.allframe.infra.terraform;

import dev.allframe.testkit.TerraformCli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated GCP module: formatted as terraform fmt wants, and parsed by HashiCorp's HCL parser. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GcpModuleTest {
    @TempDir
    static Path dir;
    Map<String, Object> main;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void parse() throws Exception {
        List<GeneratedFile> files = Terraform.emit(Example.model(), Terraform.Provider.GCP, Terraform.Format.HCL,
                Example.SOURCE);
        Terraform.write(files, dir);
        Map<String, Object> parsed = Hcl2Json.parse(files.stream().map(f -> dir.resolve(f.name())).toList());
        assertThat(parsed).containsOnlyKeys("versions.tf", "variables.tf", "main.tf", "outputs.tf");
        main = (Map<String, Object>) parsed.get("main.tf");
    }

    @Test
    void terraform_fmt_finds_nothing_to_change() throws Exception {
        TerraformCli tf = TerraformCli.require("check the GCP module's formatting");
        assertThat(tf.run(dir, "fmt", "-check", "-recursive", "-list=true")).isEmpty();
    }

    @Test
    void declares_cloud_run_pubsub_cloud_sql_and_bindings_only() {
        assertThat(resources().keySet()).containsExactlyInAnyOrder("google_sql_database_instance",
                "google_sql_database", "google_pubsub_topic", "google_service_account", "google_cloud_run_v2_service",
                "google_project_iam_member", "google_sql_user", "google_pubsub_topic_iam_member",
                "google_cloud_run_v2_service_iam_member", "google_pubsub_subscription");
        assertThat(names("google_pubsub_topic")).containsExactly("order_commands", "order_commands_dlq", "orders");
        assertThat(names("google_pubsub_subscription")).containsExactly("orders_order_commands", "orders_orders");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cloud_run_service_has_image_port_probes_scaling_and_its_service_account() {
        Map<String, Object> svc = first("google_cloud_run_v2_service", "orders");
        Map<String, Object> template = first(svc, "template");
        assertThat(template).containsEntry("service_account", "${google_service_account.orders.email}");
        assertThat(first(template, "scaling")).containsEntry("min_instance_count", 0L)
                .containsEntry("max_instance_count", 5L);
        Map<String, Object> container = first(template, "containers");
        assertThat(container).containsEntry("image", "${var.image}");
        assertThat(first(container, "ports")).containsEntry("container_port", 8080L);
        assertThat(first(first(container, "startup_probe"), "http_get")).containsEntry("path", "/health/ready");
        assertThat(first(first(container, "liveness_probe"), "http_get")).containsEntry("path", "/health/live");
    }

    @Test
    void every_iam_binding_names_the_service_account_and_nothing_broader() {
        for (String type : List.of("google_project_iam_member", "google_pubsub_topic_iam_member",
                "google_cloud_run_v2_service_iam_member")) {
            for (String name : names(type)) {
                assertThat(first(type, name)).as(type + "." + name)
                        .containsEntry("member", "serviceAccount:${google_service_account.orders.email}");
            }
        }
        assertThat(names("google_project_iam_member")).allSatisfy(n ->
                assertThat(first(first("google_project_iam_member", n), "condition").get("expression").toString())
                        .contains("instances/${google_sql_database_instance.events.name}"));
    }

    @Test
    void push_subscriptions_target_the_service_and_filter_bus_events_by_detail_type() {
        Map<String, Object> bus = first("google_pubsub_subscription", "orders_orders");
        assertThat(bus.get("filter")).isEqualTo("attributes.detail_type = \"StockReserved\" OR"
                + " attributes.detail_type = \"StockReservationFailed\"");
        assertThat(first(bus, "push_config")).containsEntry("push_endpoint",
                "${google_cloud_run_v2_service.orders.uri}/_allframe/pubsub/orders");
        Map<String, Object> queue = first("google_pubsub_subscription", "orders_order_commands");
        assertThat(first(queue, "dead_letter_policy")).containsEntry("max_delivery_attempts", 5L);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resources() {
        return (Map<String, Object>) main.get("resource");
    }

    @SuppressWarnings("unchecked")
    private TreeSet<String> names(String type) {
        return new TreeSet<>(((Map<String, Object>) resources().get(type)).keySet());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> first(String type, String name) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) resources().get(type)).get(name)).getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> block, String nested) {
        return ((List<Map<String, Object>>) block.get(nested)).getFirst();
    }
}
