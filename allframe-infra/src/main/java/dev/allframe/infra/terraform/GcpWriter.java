package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.Body;
import dev.allframe.infra.hcl.Expr;
import dev.allframe.infra.model.Access;
import dev.allframe.infra.model.CloudRunService;
import dev.allframe.infra.model.EventBus;
import dev.allframe.infra.model.EventStoreTable;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.Queue;
import dev.allframe.infra.model.Subscription;
import dev.allframe.infra.model.Use;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.allframe.infra.hcl.Expr.call;
import static dev.allframe.infra.hcl.Expr.keyword;
import static dev.allframe.infra.hcl.Expr.obj;
import static dev.allframe.infra.hcl.Expr.ref;
import static dev.allframe.infra.hcl.Expr.str;
import static dev.allframe.infra.hcl.Expr.template;
import static dev.allframe.infra.terraform.ModuleParts.output;
import static dev.allframe.infra.terraform.Names.local;
import static dev.allframe.infra.terraform.Names.prefixed;

/**
 * The GCP root module (its own directory; it shares nothing with the AWS one): a Cloud Run v2 service per
 * {@code CloudRunService} with its own service account, Pub/Sub topics for queues and buses with push
 * subscriptions to the service, Cloud SQL PostgreSQL for the event store (IAM database authentication, no
 * password), and IAM bindings granted to the service accounts only. Buckets are not generated: on GCP snapshots
 * live in the event store's database.
 */
public final class GcpWriter {
    /** The provider constraint. */
    public static final String PROVIDER_VERSION = "~> 6.0";
    /** Path prefix of push subscriptions on the service: {@code /_allframe/pubsub/TOPIC}. */
    public static final String PUSH_PATH = "/_allframe/pubsub/";

    private final InfraModel model;

    private GcpWriter(InfraModel model) {
        this.model = model;
    }

    /**
     * @param model a valid model
     * @return the module's files as bodies, by file name (without extension), in writing order
     * @throws IllegalArgumentException if the model has no Cloud Run service or asks for AWS-only resources
     */
    public static Map<String, Body> bodies(InfraModel model) {
        if (model.services().isEmpty()) {
            throw new IllegalArgumentException("the model declares no Cloud Run service (@CloudRunService);"
                    + " there is nothing to deploy on GCP");
        }
        for (EventStoreTable t : model.eventStores()) {
            if (t.provider().equals("dynamodb")) {
                throw ModuleParts.unsupported("event store", t.name(), t.provider(), "GCP", "postgresql or auto");
            }
        }
        GcpWriter w = new GcpWriter(model);
        return ModuleParts.files(w.versions(), w.variables(), w.main(), w.outputs());
    }

    private Body versions() {
        return Body.builder()
                .block(ModuleParts.terraform("google", "hashicorp/google", PROVIDER_VERSION))
                .block(Body.block("provider", "google")
                        .attr("project", ref("var.project"))
                        .attr("region", ref("var.region"))
                        .attr("default_labels", ref("var.labels")))
                .buildBody();
    }

    private Body variables() {
        Body.Builder b = Body.builder()
                .block(Body.block("variable", "project")
                        .attr("description", "Google Cloud project to deploy to.")
                        .attr("type", keyword("string")))
                .block(Body.block("variable", "region")
                        .attr("description", "Region of the Cloud Run services and the database.")
                        .attr("type", keyword("string"))
                        .attr("default", "europe-west1"))
                .block(Body.block("variable", "image")
                        .attr("description", "Container image of the application (built by the AllFrame Maven"
                                + " plugin or any OCI builder).")
                        .attr("type", keyword("string")))
                .block(Body.block("variable", "name_prefix")
                        .attr("description", "Prefix of every resource name (lower-case letters, digits, hyphens).")
                        .attr("type", keyword("string"))
                        .attr("default", model.application() + "-")
                        .block(Body.block("validation")
                                .attr("condition", call("can", call("regex", str("^[a-z][a-z0-9-]{0,15}$"),
                                        ref("var.name_prefix"))))
                                .attr("error_message", "name_prefix must be at most 16 lower-case letters, digits"
                                        + " and hyphens, starting with a letter.")))
                .block(Body.block("variable", "labels")
                        .attr("description", "Labels applied to every resource.")
                        .attr("type", keyword("map(string)"))
                        .attr("default", obj()));
        if (!model.eventStores().isEmpty()) {
            b.block(Body.block("variable", "database_tier")
                    .attr("description", "Cloud SQL machine tier of the event store.")
                    .attr("type", keyword("string"))
                    .attr("default", "db-f1-micro"));
        }
        return b.buildBody();
    }

    private Body main() {
        Body.Builder b = Body.builder();
        for (EventStoreTable t : model.eventStores()) {
            String n = local(t.name());
            b.block(Body.block("resource", "google_sql_database_instance", n)
                    .attr("name", prefixed(t.name()))
                    .attr("database_version", "POSTGRES_15")
                    .attr("region", ref("var.region"))
                    .attr("deletion_protection", true)
                    .block(Body.block("settings")
                            .attr("tier", ref("var.database_tier"))
                            .block(Body.block("database_flags")
                                    .attr("name", "cloudsql.iam_authentication")
                                    .attr("value", "on"))
                            .block(Body.block("backup_configuration")
                                    .attr("enabled", true)
                                    .attr("point_in_time_recovery_enabled", true))));
            b.block(Body.block("resource", "google_sql_database", n)
                    .attr("name", t.table())
                    .attr("instance", ref("google_sql_database_instance." + n + ".name")));
        }
        for (Queue q : model.queues()) {
            b.block(topic(q.name()));
            if (q.dlq()) {
                b.block(topic(q.dlqName()));
            }
        }
        for (EventBus bus : model.eventBuses()) {
            b.block(topic(bus.name()));
        }
        for (CloudRunService s : model.services()) {
            service(b, s);
        }
        return b.buildBody();
    }

    private static Body.BlockBuilder topic(String name) {
        return Body.block("resource", "google_pubsub_topic", local(name)).attr("name", prefixed(name));
    }

    private void service(Body.Builder b, CloudRunService s) {
        String n = local(s.name());
        Expr email = ref("google_service_account." + n + ".email");
        Expr member = template("serviceAccount:", email);
        b.block(Body.block("resource", "google_service_account", n)
                .attr("account_id", prefixed(s.name()))
                .attr("display_name", "AllFrame service " + s.name()));

        Body.BlockBuilder container = Body.block("containers")
                .attr("image", ref("var.image"))
                .block(Body.block("ports").attr("container_port", s.port()))
                .block(Body.block("resources").attr("limits", obj("cpu", str(s.cpu()), "memory", str(s.memory()))));
        for (Map.Entry<String, Expr> e : environment(s).entrySet()) {
            container.block(Body.block("env").attr("name", e.getKey()).attr("value", e.getValue()));
        }
        container.block(Body.block("startup_probe")
                        .attr("period_seconds", 3)
                        .attr("failure_threshold", 40)
                        .attr("timeout_seconds", 2)
                        .block(Body.block("http_get").attr("path", s.startupPath()).attr("port", s.port())))
                .block(Body.block("liveness_probe")
                        .attr("period_seconds", 15)
                        .attr("failure_threshold", 3)
                        .attr("timeout_seconds", 2)
                        .block(Body.block("http_get").attr("path", s.livenessPath()).attr("port", s.port())));
        b.block(Body.block("resource", "google_cloud_run_v2_service", n)
                .attr("name", prefixed(s.name()))
                .attr("location", ref("var.region"))
                .attr("ingress", "INGRESS_TRAFFIC_ALL")
                .block(Body.block("template")
                        .attr("service_account", email)
                        .attr("max_instance_request_concurrency", s.concurrency())
                        .block(Body.block("scaling")
                                .attr("min_instance_count", s.minInstances())
                                .attr("max_instance_count", s.maxInstances()))
                        .block(container)));

        // Bindings: to this service account only, each for what the dependency graph uses.
        for (Use u : s.uses()) {
            if (u.has(Access.PUBLISH) && (model.queue(u.resource()).isPresent()
                    || model.eventBus(u.resource()).isPresent())) {
                b.block(Body.block("resource", "google_pubsub_topic_iam_member", n + "_publish_" + local(u.resource()))
                        .attr("topic", ref("google_pubsub_topic." + local(u.resource()) + ".name"))
                        .attr("role", "roles/pubsub.publisher")
                        .attr("member", member));
            }
            if (model.eventStore(u.resource()).isPresent()) {
                String store = local(u.resource());
                for (String role : List.of("cloudsql.client", "cloudsql.instanceUser")) {
                    b.block(Body.block("resource", "google_project_iam_member",
                            n + "_" + role.replace('.', '_').toLowerCase(java.util.Locale.ROOT))
                            .attr("project", ref("var.project"))
                            .attr("role", "roles/" + role)
                            .attr("member", member)
                            .block(Body.block("condition")
                                    .attr("title", "only-" + u.resource())
                                    .attr("expression", template(
                                            "resource.name == \"projects/",
                                            ref("var.project"),
                                            "/instances/",
                                            ref("google_sql_database_instance." + store + ".name"),
                                            "\""))));
                }
                b.block(Body.block("resource", "google_sql_user", n)
                        .attr("name", call("trimsuffix", email, str(".gserviceaccount.com")))
                        .attr("instance", ref("google_sql_database_instance." + store + ".name"))
                        .attr("type", "CLOUD_IAM_SERVICE_ACCOUNT"));
            }
        }
        if (!s.subscriptions().isEmpty()) {
            // Push subscriptions authenticate as this service account, which may invoke only this service.
            b.block(Body.block("resource", "google_cloud_run_v2_service_iam_member", n + "_push_invoker")
                    .attr("name", ref("google_cloud_run_v2_service." + n + ".name"))
                    .attr("location", ref("google_cloud_run_v2_service." + n + ".location"))
                    .attr("role", "roles/run.invoker")
                    .attr("member", member));
        }
        for (Subscription sub : s.subscriptions()) {
            subscription(b, s, sub, email);
        }
    }

    private void subscription(Body.Builder b, CloudRunService s, Subscription sub, Expr email) {
        String n = local(s.name()) + "_" + local(sub.source());
        Body.BlockBuilder block = Body.block("resource", "google_pubsub_subscription", n)
                .attr("name", prefixed(s.name() + "-" + sub.source()))
                .attr("topic", ref("google_pubsub_topic." + local(sub.source()) + ".id"));
        if (sub instanceof Subscription.OfQueue q) {
            Queue queue = model.queue(q.source()).orElseThrow();
            block.attr("ack_deadline_seconds", Math.min(600, Math.max(10, queue.visibilityTimeout())));
        }
        if (sub instanceof Subscription.OfBus bus) {
            block.attr("filter", bus.detailTypes().stream()
                    .map(d -> "attributes.detail_type = \"" + d.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(" OR ")));
        }
        block.block(Body.block("push_config")
                .attr("push_endpoint", template(ref("google_cloud_run_v2_service." + local(s.name()) + ".uri"),
                        PUSH_PATH + sub.source()))
                .block(Body.block("oidc_token").attr("service_account_email", email)));
        if (sub instanceof Subscription.OfQueue q) {
            Queue queue = model.queue(q.source()).orElseThrow();
            if (queue.dlq()) {
                // Pub/Sub accepts 5..100 delivery attempts.
                block.block(Body.block("dead_letter_policy")
                        .attr("dead_letter_topic", ref("google_pubsub_topic." + local(queue.dlqName()) + ".id"))
                        .attr("max_delivery_attempts", Math.min(100, Math.max(5, queue.dlqMaxReceives()))));
            }
        }
        b.block(block);
    }

    private Map<String, Expr> environment(CloudRunService s) {
        Map<String, Expr> env = new LinkedHashMap<>();
        for (Use u : s.uses()) {
            model.eventStore(u.resource()).ifPresent(t -> env.put("ALLFRAME_STORE", template(
                    "jdbc:postgresql:///", t.table(),
                    "?cloudSqlInstance=", ref("google_sql_database_instance." + local(t.name()) + ".connection_name"),
                    "&socketFactory=com.google.cloud.sql.postgres.SocketFactory&enableIamAuth=true&user=",
                    call("trimsuffix", ref("google_service_account." + local(s.name()) + ".email"),
                            str(".gserviceaccount.com")))));
        }
        s.environment().forEach((k, v) -> env.put(k, str(v)));
        return env;
    }

    private Body outputs() {
        Body.Builder b = Body.builder();
        for (CloudRunService s : model.services()) {
            String n = local(s.name());
            output(b, n + "_url", "URL of Cloud Run service " + s.name() + ".",
                    ref("google_cloud_run_v2_service." + n + ".uri"));
            output(b, n + "_service_account", "Service account of " + s.name() + ".",
                    ref("google_service_account." + n + ".email"));
        }
        for (EventStoreTable t : model.eventStores()) {
            output(b, local(t.name()) + "_connection_name", "Cloud SQL connection name of the event store.",
                    ref("google_sql_database_instance." + local(t.name()) + ".connection_name"));
        }
        for (Queue q : model.queues()) {
            output(b, local(q.name()) + "_topic", "Pub/Sub topic of queue " + q.name() + ".",
                    ref("google_pubsub_topic." + local(q.name()) + ".id"));
        }
        for (EventBus bus : model.eventBuses()) {
            output(b, local(bus.name()) + "_topic", "Pub/Sub topic of bus " + bus.name() + ".",
                    ref("google_pubsub_topic." + local(bus.name()) + ".id"));
        }
        return b.buildBody();
    }
}
