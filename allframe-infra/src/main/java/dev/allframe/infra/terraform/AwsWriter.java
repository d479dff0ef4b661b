package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.Body;
import dev.allframe.infra.hcl.Expr;
import dev.allframe.infra.iam.ArnRef;
import dev.allframe.infra.iam.IamDerivation;
import dev.allframe.infra.iam.IamPolicy;
import dev.allframe.infra.iam.IamStatement;
import dev.allframe.infra.model.Bucket;
import dev.allframe.infra.model.EventBus;
import dev.allframe.infra.model.EventStoreTable;
import dev.allframe.infra.model.HttpDoor;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.model.Queue;
import dev.allframe.infra.model.Route;
import dev.allframe.infra.model.Subscription;
import dev.allframe.infra.model.Use;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.allframe.infra.hcl.Expr.call;
import static dev.allframe.infra.hcl.Expr.keyword;
import static dev.allframe.infra.hcl.Expr.obj;
import static dev.allframe.infra.hcl.Expr.ref;
import static dev.allframe.infra.hcl.Expr.str;
import static dev.allframe.infra.hcl.Expr.template;
import static dev.allframe.infra.hcl.Expr.tuple;
import static dev.allframe.infra.terraform.ModuleParts.output;
import static dev.allframe.infra.terraform.Names.local;
import static dev.allframe.infra.terraform.Names.prefixed;

/**
 * The AWS root module: {@code versions.tf} (provider {@code hashicorp/aws ~> 5.0}), {@code variables.tf},
 * {@code main.tf} (resources) and {@code outputs.tf}. Reads like an outline of what it emits; see the module
 * README for the resource list and the IAM mapping.
 */
public final class AwsWriter {
    /** The provider constraint. */
    public static final String PROVIDER_VERSION = "~> 5.0";
    /** Alias that SnapStart functions are invoked through (SnapStart applies to published versions only). */
    public static final String ALIAS = "live";

    private final InfraModel model;

    private AwsWriter(InfraModel model) {
        this.model = model;
    }

    /**
     * @param model a valid model
     * @return the module's files as bodies, by file name (without extension), in writing order
     * @throws IllegalArgumentException if the model asks for something AWS cannot provide (a PostgreSQL store)
     */
    public static Map<String, Body> bodies(InfraModel model) {
        AwsWriter w = new AwsWriter(model);
        w.check();
        return ModuleParts.files(w.versions(), w.variables(), w.main(), w.outputs());
    }

    private void check() {
        for (EventStoreTable t : model.eventStores()) {
            if (!t.provider().equals("auto") && !t.provider().equals("dynamodb")) {
                throw ModuleParts.unsupported("event store", t.name(), t.provider(), "AWS", "dynamodb or auto");
            }
        }
        for (Queue q : model.queues()) {
            if (q.provider().equals("pubsub")) {
                throw ModuleParts.unsupported("queue", q.name(), q.provider(), "AWS", "sqs or auto");
            }
        }
        for (EventBus b : model.eventBuses()) {
            if (b.provider().equals("pubsub")) {
                throw ModuleParts.unsupported("event bus", b.name(), b.provider(), "AWS", "eventbridge or auto");
            }
        }
    }

    // ---- versions.tf ----

    private Body versions() {
        return Body.builder()
                .block(ModuleParts.terraform("aws", "hashicorp/aws", PROVIDER_VERSION))
                .block(Body.block("provider", "aws")
                        .attr("region", ref("var.region"))
                        .block(Body.block("default_tags").attr("tags", ref("var.tags"))))
                .buildBody();
    }

    // ---- variables.tf ----

    private Body variables() {
        return Body.builder()
                .block(Body.block("variable", "region")
                        .attr("description", "AWS region to deploy to.")
                        .attr("type", keyword("string"))
                        .attr("default", "us-east-1"))
                .block(Body.block("variable", "artifact_path")
                        .attr("description", "Path of the application's Lambda deployment zip (built by the"
                                + " AllFrame Maven plugin or allframe package).")
                        .attr("type", keyword("string")))
                .block(Body.block("variable", "name_prefix")
                        .attr("description", "Prefix of every physical resource name (lower-case letters, digits,"
                                + " hyphens).")
                        .attr("type", keyword("string"))
                        .attr("default", model.application() + "-")
                        .block(Body.block("validation")
                                .attr("condition", call("can", call("regex", str("^[a-z0-9-]{0,24}$"),
                                        ref("var.name_prefix"))))
                                .attr("error_message", "name_prefix must be at most 24 lower-case letters, digits"
                                        + " and hyphens.")))
                .block(Body.block("variable", "tags")
                        .attr("description", "Tags applied to every resource.")
                        .attr("type", keyword("map(string)"))
                        .attr("default", obj()))
                .buildBody();
    }

    // ---- main.tf ----

    private Body main() {
        Body.Builder b = Body.builder();
        model.eventStores().forEach(t -> b.block(table(t)));
        for (Queue q : model.queues()) {
            if (q.dlq()) {
                b.block(deadLetterQueue(q));
            }
            b.block(queue(q));
        }
        model.eventBuses().forEach(bus -> b.block(Body.block("resource", "aws_cloudwatch_event_bus", local(bus.name()))
                .attr("name", prefixed(bus.name()))));
        model.buckets().forEach(bucket -> bucket(b, bucket));
        model.functions().forEach(f -> function(b, f));
        return b.buildBody();
    }

    private Body.BlockBuilder table(EventStoreTable t) {
        boolean provisioned = t.billingMode().equals("PROVISIONED");
        Body.BlockBuilder b = Body.block("resource", "aws_dynamodb_table", local(t.name()))
                .attr("name", prefixed(t.table()))
                .attr("billing_mode", t.billingMode())
                .attr("hash_key", EventStoreTable.PARTITION_KEY)
                .attr("range_key", EventStoreTable.SORT_KEY);
        if (provisioned) {
            b.attr("read_capacity", t.readCapacity()).attr("write_capacity", t.writeCapacity());
        }
        if (t.stream()) {
            b.attr("stream_enabled", true).attr("stream_view_type", "NEW_AND_OLD_IMAGES");
        }
        for (String key : List.of(EventStoreTable.PARTITION_KEY, EventStoreTable.SORT_KEY,
                EventStoreTable.TIMESTAMP_INDEX_PARTITION_KEY, EventStoreTable.TIMESTAMP_INDEX_SORT_KEY)) {
            b.block(Body.block("attribute").attr("name", key).attr("type", "S"));
        }
        Body.BlockBuilder gsi = Body.block("global_secondary_index")
                .attr("name", EventStoreTable.TIMESTAMP_INDEX)
                .attr("hash_key", EventStoreTable.TIMESTAMP_INDEX_PARTITION_KEY)
                .attr("range_key", EventStoreTable.TIMESTAMP_INDEX_SORT_KEY)
                .attr("projection_type", "ALL");
        if (provisioned) {
            gsi.attr("read_capacity", t.readCapacity()).attr("write_capacity", t.writeCapacity());
        }
        return b.block(gsi)
                .block(Body.block("point_in_time_recovery").attr("enabled", true))
                .block(Body.block("ttl").attr("attribute_name", EventStoreTable.TTL_ATTRIBUTE).attr("enabled", true));
    }

    private Body.BlockBuilder deadLetterQueue(Queue q) {
        Body.BlockBuilder b = Body.block("resource", "aws_sqs_queue", local(q.dlqName()))
                .attr("name", queueName(q.dlqName(), q.fifo()));
        if (q.fifo()) {
            b.attr("fifo_queue", true);
        }
        return b.attr("message_retention_seconds", 1209600)
                .attr("sqs_managed_sse_enabled", true);
    }

    private Body.BlockBuilder queue(Queue q) {
        Body.BlockBuilder b = Body.block("resource", "aws_sqs_queue", local(q.name()))
                .attr("name", queueName(q.name(), q.fifo()));
        if (q.fifo()) {
            b.attr("fifo_queue", true).attr("content_based_deduplication", true);
        }
        b.attr("visibility_timeout_seconds", q.visibilityTimeout())
                .attr("sqs_managed_sse_enabled", true);
        if (q.dlq()) {
            b.attr("redrive_policy", call("jsonencode", obj(
                    "deadLetterTargetArn", ref("aws_sqs_queue." + local(q.dlqName()) + ".arn"),
                    "maxReceiveCount", Expr.num(q.dlqMaxReceives()))));
        }
        return b;
    }

    private static Expr queueName(String name, boolean fifo) {
        return fifo ? template(ref("var.name_prefix"), name + ".fifo") : prefixed(name);
    }

    private void bucket(Body.Builder b, Bucket bucket) {
        String n = local(bucket.name());
        Expr id = ref("aws_s3_bucket." + n + ".id");
        b.block(Body.block("resource", "aws_s3_bucket", n).attr("bucket", prefixed(bucket.name())));
        b.block(Body.block("resource", "aws_s3_bucket_versioning", n)
                .attr("bucket", id)
                .block(Body.block("versioning_configuration").attr("status", "Enabled")));
        b.block(Body.block("resource", "aws_s3_bucket_server_side_encryption_configuration", n)
                .attr("bucket", id)
                .block(Body.block("rule").block(Body.block("apply_server_side_encryption_by_default")
                        .attr("sse_algorithm", "AES256"))));
        b.block(Body.block("resource", "aws_s3_bucket_public_access_block", n)
                .attr("bucket", id)
                .attr("block_public_acls", true)
                .attr("block_public_policy", true)
                .attr("ignore_public_acls", true)
                .attr("restrict_public_buckets", true));
    }

    private void function(Body.Builder b, LambdaFunction f) {
        String n = local(f.name());
        b.block(Body.block("resource", "aws_cloudwatch_log_group", n)
                .attr("name", template("/aws/lambda/", ref("var.name_prefix"), f.name()))
                .attr("retention_in_days", f.logRetentionDays()));
        b.block(Body.block("resource", "aws_iam_role", n)
                .attr("name", prefixed(f.name()))
                .attr("assume_role_policy", call("jsonencode", obj(
                        "Version", str("2012-10-17"),
                        "Statement", tuple(obj(
                                "Effect", str("Allow"),
                                "Principal", obj("Service", str("lambda.amazonaws.com")),
                                "Action", str("sts:AssumeRole")))))));
        b.block(rolePolicy(IamDerivation.derive(model, f)));
        b.block(lambda(f));
        if (f.snapStart()) {
            b.block(Body.block("resource", "aws_lambda_alias", n)
                    .attr("name", ALIAS)
                    .attr("function_name", ref("aws_lambda_function." + n + ".function_name"))
                    .attr("function_version", ref("aws_lambda_function." + n + ".version")));
        }
        f.http().ifPresent(h -> http(b, f, h));
        for (Subscription s : f.subscriptions()) {
            switch (s) {
                case Subscription.OfQueue q -> b.block(Body.block("resource", "aws_lambda_event_source_mapping",
                        n + "_" + local(q.source()))
                        .attr("event_source_arn", ref("aws_sqs_queue." + local(q.source()) + ".arn"))
                        .attr("function_name", targetArn(f))
                        .attr("batch_size", q.batchSize())
                        .attr("function_response_types", Expr.strings(List.of("ReportBatchItemFailures")))
                        .attr("depends_on", tuple(keyword("aws_iam_role_policy." + n))));
                case Subscription.OfStream st -> stream(b, f, st);
                case Subscription.OfBus bus -> busRule(b, f, bus);
            }
        }
    }

    private Body.BlockBuilder rolePolicy(IamPolicy policy) {
        List<Expr> statements = new ArrayList<>();
        for (IamStatement s : policy.statements()) {
            statements.add(obj(
                    "Sid", str(s.sid()),
                    "Effect", str("Allow"),
                    "Action", Expr.strings(s.actions()),
                    "Resource", tuple(s.resources().stream().map(this::arn).toList())));
        }
        String n = local(policy.deployable());
        return Body.block("resource", "aws_iam_role_policy", n)
                .attr("name", "least-privilege")
                .attr("role", ref("aws_iam_role." + n + ".id"))
                .attr("policy", call("jsonencode", obj(
                        "Version", str("2012-10-17"),
                        "Statement", tuple(statements))));
    }

    /**
     * @param r a policy resource
     * @return the Terraform expression of its ARN
     */
    Expr arn(ArnRef r) {
        String n = local(r.name());
        Expr base = switch (r.kind()) {
            case TABLE -> ref("aws_dynamodb_table." + n + ".arn");
            case TABLE_STREAM -> ref("aws_dynamodb_table." + n + ".stream_arn");
            case QUEUE -> ref("aws_sqs_queue." + n + ".arn");
            case BUS -> ref("aws_cloudwatch_event_bus." + n + ".arn");
            case BUCKET -> ref("aws_s3_bucket." + n + ".arn");
            case LOG_GROUP -> ref("aws_cloudwatch_log_group." + n + ".arn");
        };
        return r.suffix().isEmpty() ? base : template(base, r.suffix());
    }

    private Body.BlockBuilder lambda(LambdaFunction f) {
        String n = local(f.name());
        Body.BlockBuilder b = Body.block("resource", "aws_lambda_function", n)
                .attr("function_name", prefixed(f.name()))
                .attr("role", ref("aws_iam_role." + n + ".arn"))
                .attr("runtime", f.runtime())
                .attr("handler", f.handler())
                .attr("filename", ref("var.artifact_path"))
                .attr("source_code_hash", call("filebase64sha256", ref("var.artifact_path")))
                .attr("architectures", Expr.strings(List.of(f.architecture())))
                .attr("memory_size", f.memory())
                .attr("timeout", f.timeout());
        if (f.snapStart()) {
            b.attr("publish", true);
        }
        Map<String, Expr> env = environment(f);
        if (!env.isEmpty()) {
            b.block(Body.block("environment").attr("variables", new Expr.Obj(env)));
        }
        b.block(Body.block("logging_config")
                .attr("log_format", "Text")
                .attr("log_group", ref("aws_cloudwatch_log_group." + n + ".name")));
        if (f.snapStart()) {
            b.block(Body.block("snap_start").attr("apply_on", "PublishedVersions"));
        }
        return b;
    }

    private Map<String, Expr> environment(LambdaFunction f) {
        Map<String, Expr> env = new LinkedHashMap<>();
        if (f.runtime().equals(LambdaFunction.JAVA21)) {
            env.put("JAVA_TOOL_OPTIONS", str(LambdaFunction.DEFAULT_JAVA_TOOL_OPTIONS));
        }
        Set<String> tables = new HashSet<>();
        f.uses().stream().filter(u -> model.eventStore(u.resource()).isPresent()).forEach(u -> tables.add(u.resource()));
        f.subscriptions().stream().filter(s -> s instanceof Subscription.OfStream).forEach(s -> tables.add(s.source()));
        for (EventStoreTable t : model.eventStores()) {
            if (tables.contains(t.name())) {
                env.put("EVENT_TABLE", ref("aws_dynamodb_table." + local(t.name()) + ".name"));
            }
        }
        for (Use u : f.uses()) {
            model.bucket(u.resource()).filter(Bucket::snapshots).ifPresent(bucket ->
                    env.put("SNAPSHOT_BUCKET", ref("aws_s3_bucket." + local(bucket.name()) + ".bucket")));
        }
        f.environment().forEach((k, v) -> env.put(k, str(v)));
        return env;
    }

    private Expr targetArn(LambdaFunction f) {
        return ref((f.snapStart() ? "aws_lambda_alias." : "aws_lambda_function.") + local(f.name()) + ".arn");
    }

    private Expr invokeArn(LambdaFunction f) {
        return ref((f.snapStart() ? "aws_lambda_alias." : "aws_lambda_function.") + local(f.name())
                + ".invoke_arn");
    }

    /** Starts a permission on the function (qualified by the alias when SnapStart is on). */
    private Body.BlockBuilder permission(LambdaFunction f, String localName, String statementId, String action) {
        Body.BlockBuilder p = Body.block("resource", "aws_lambda_permission", localName)
                .attr("statement_id", statementId)
                .attr("action", action)
                .attr("function_name", ref("aws_lambda_function." + local(f.name()) + ".function_name"));
        if (f.snapStart()) {
            p.attr("qualifier", ref("aws_lambda_alias." + local(f.name()) + ".name"));
        }
        return p;
    }

    private void http(Body.Builder b, LambdaFunction f, HttpDoor h) {
        String n = local(f.name());
        if (h.type().equals(HttpDoor.HTTP_API)) {
            Expr api = ref("aws_apigatewayv2_api." + n + ".id");
            b.block(Body.block("resource", "aws_apigatewayv2_api", n)
                    .attr("name", prefixed(f.name()))
                    .attr("protocol_type", "HTTP"));
            b.block(Body.block("resource", "aws_apigatewayv2_integration", n)
                    .attr("api_id", api)
                    .attr("integration_type", "AWS_PROXY")
                    .attr("integration_uri", invokeArn(f))
                    .attr("payload_format_version", "2.0"));
            Set<String> used = new HashSet<>();
            for (Route r : h.routes()) {
                String routeName = n + "_" + Names.route(r.method(), r.path());
                String unique = routeName;
                for (int i = 2; !used.add(unique); i++) {
                    unique = routeName + "_" + i;
                }
                b.block(Body.block("resource", "aws_apigatewayv2_route", unique)
                        .attr("api_id", api)
                        .attr("route_key", r.method() + " " + r.path().replaceAll("\\{([^}]+)\\.\\.\\.}", "{$1+}"))
                        .attr("target", template("integrations/",
                                ref("aws_apigatewayv2_integration." + n + ".id"))));
            }
            b.block(Body.block("resource", "aws_apigatewayv2_stage", n)
                    .attr("api_id", api)
                    .attr("name", "$default")
                    .attr("auto_deploy", true));
            b.block(permission(f, n + "_http_api", "AllowHttpApi", "lambda:InvokeFunction")
                    .attr("principal", "apigateway.amazonaws.com")
                    .attr("source_arn", template(ref("aws_apigatewayv2_api." + n + ".execution_arn"), "/*/*")));
        } else {
            boolean iam = h.type().equals(HttpDoor.FUNCTION_URL_IAM);
            Body.BlockBuilder url = Body.block("resource", "aws_lambda_function_url", n)
                    .attr("function_name", ref("aws_lambda_function." + n + ".function_name"));
            if (f.snapStart()) {
                url.attr("qualifier", ref("aws_lambda_alias." + n + ".name"));
            }
            b.block(url.attr("authorization_type", iam ? "AWS_IAM" : "NONE"));
            if (!iam) {
                b.block(permission(f, n + "_function_url", "AllowPublicFunctionUrl", "lambda:InvokeFunctionUrl")
                        .attr("principal", "*")
                        .attr("function_url_auth_type", "NONE"));
            }
        }
    }

    private void stream(Body.Builder b, LambdaFunction f, Subscription.OfStream st) {
        String n = local(f.name());
        String failures = IamDerivation.streamFailureQueue(f);
        b.block(Body.block("resource", "aws_sqs_queue", local(failures))
                .attr("name", prefixed(failures))
                .attr("message_retention_seconds", 1209600)
                .attr("sqs_managed_sse_enabled", true));
        b.block(Body.block("resource", "aws_lambda_event_source_mapping", n + "_" + local(st.source()) + "_stream")
                .attr("event_source_arn", ref("aws_dynamodb_table." + local(st.source()) + ".stream_arn"))
                .attr("function_name", targetArn(f))
                .attr("starting_position", "TRIM_HORIZON")
                .attr("batch_size", st.batchSize())
                .attr("maximum_retry_attempts", st.maxRetries())
                .attr("bisect_batch_on_function_error", true)
                .attr("function_response_types", Expr.strings(List.of("ReportBatchItemFailures")))
                .attr("depends_on", tuple(keyword("aws_iam_role_policy." + n)))
                .block(Body.block("filter_criteria").block(Body.block("filter")
                        // Only appended events reach projections: not idempotency records, not TTL deletions.
                        .attr("pattern", call("jsonencode", obj(
                                "eventName", Expr.strings(List.of("INSERT")),
                                "dynamodb", obj("NewImage", obj("event_type", obj("S",
                                        tuple(obj("exists", Expr.bool(true)))))))))))
                .block(Body.block("destination_config").block(Body.block("on_failure")
                        .attr("destination_arn", ref("aws_sqs_queue." + local(failures) + ".arn")))));
    }

    private void busRule(Body.Builder b, LambdaFunction f, Subscription.OfBus s) {
        String n = local(f.name()) + "_" + local(s.source());
        Expr bus = ref("aws_cloudwatch_event_bus." + local(s.source()) + ".name");
        b.block(Body.block("resource", "aws_cloudwatch_event_rule", n)
                .attr("name", prefixed(f.name() + "-" + s.source()))
                .attr("event_bus_name", bus)
                .attr("event_pattern", call("jsonencode", obj("detail-type", Expr.strings(s.detailTypes())))));
        b.block(Body.block("resource", "aws_cloudwatch_event_target", n)
                .attr("rule", ref("aws_cloudwatch_event_rule." + n + ".name"))
                .attr("event_bus_name", bus)
                .attr("target_id", f.name())
                .attr("arn", targetArn(f)));
        b.block(permission(f, n, "AllowEventBridge" + camel(s.source()), "lambda:InvokeFunction")
                .attr("principal", "events.amazonaws.com")
                .attr("source_arn", ref("aws_cloudwatch_event_rule." + n + ".arn")));
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String p : name.split("-")) {
            sb.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return sb.toString();
    }

    // ---- outputs.tf ----

    private Body outputs() {
        Body.Builder b = Body.builder();
        for (EventStoreTable t : model.eventStores()) {
            String n = local(t.name());
            output(b, n + "_table_name", "Name of the event table.", ref("aws_dynamodb_table." + n + ".name"));
            output(b, n + "_table_arn", "ARN of the event table.", ref("aws_dynamodb_table." + n + ".arn"));
            if (t.stream()) {
                output(b, n + "_stream_arn", "ARN of the event table's stream.",
                        ref("aws_dynamodb_table." + n + ".stream_arn"));
            }
        }
        for (Queue q : model.queues()) {
            String n = local(q.name());
            output(b, n + "_queue_url", "URL of queue " + q.name() + ".", ref("aws_sqs_queue." + n + ".url"));
            output(b, n + "_queue_arn", "ARN of queue " + q.name() + ".", ref("aws_sqs_queue." + n + ".arn"));
            if (q.dlq()) {
                output(b, n + "_dlq_url", "URL of the dead-letter queue of " + q.name() + ".",
                        ref("aws_sqs_queue." + local(q.dlqName()) + ".url"));
            }
        }
        for (EventBus bus : model.eventBuses()) {
            String n = local(bus.name());
            output(b, n + "_bus_name", "Name of event bus " + bus.name() + ".",
                    ref("aws_cloudwatch_event_bus." + n + ".name"));
            output(b, n + "_bus_arn", "ARN of event bus " + bus.name() + ".",
                    ref("aws_cloudwatch_event_bus." + n + ".arn"));
        }
        for (Bucket bucket : model.buckets()) {
            output(b, local(bucket.name()) + "_bucket_name", "Name of bucket " + bucket.name() + ".",
                    ref("aws_s3_bucket." + local(bucket.name()) + ".bucket"));
        }
        for (LambdaFunction f : model.functions()) {
            String n = local(f.name());
            output(b, n + "_function_arn", "ARN of function " + f.name() + " (the alias when SnapStart is on).",
                    targetArn(f));
            f.http().ifPresent(h -> output(b, n + "_url", "HTTP endpoint of function " + f.name() + ".",
                    h.type().equals(HttpDoor.HTTP_API) ? ref("aws_apigatewayv2_stage." + n + ".invoke_url")
                            : ref("aws_lambda_function_url." + n + ".function_url")));
            if (f.subscriptions().stream().anyMatch(s -> s instanceof Subscription.OfStream)) {
                output(b, n + "_stream_failures_url", "URL of the queue receiving batches function " + f.name()
                        + " failed to project.", ref("aws_sqs_queue." + local(IamDerivation.streamFailureQueue(f))
                        + ".url"));
            }
        }
        return b.buildBody();
    }
}
