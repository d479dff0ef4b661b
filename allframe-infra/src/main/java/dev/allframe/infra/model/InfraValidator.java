package dev.allframe.infra.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a whole model: single values ({@link InfraRules}), unique names, references between elements, and rules
 * that span elements (a queue's visibility timeout must cover the timeout of every function consuming it).
 */
public final class InfraValidator {
    private InfraValidator() {
    }

    private static final Set<String> RESERVED_LAMBDA_ENV = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");
    private static final Set<String> RESERVED_CLOUD_RUN_ENV = Set.of("PORT", "K_SERVICE", "K_REVISION",
            "K_CONFIGURATION");
    /** Longest AWS name prefix (the generated variable validation enforces it). */
    static final int MAX_PREFIX = 24;
    /** Longest name after the prefix for resources limited to 64 characters. */
    static final int MAX_PREFIXED = 64 - MAX_PREFIX;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "ANY");

    /**
     * @param model a model
     * @return every problem found, in model order; empty if the model is valid
     */
    public static List<InfraProblem> validate(InfraModel model) {
        List<InfraProblem> out = new ArrayList<>();
        InfraRules.checkName(model.application()).ifPresent(m -> out.add(new InfraProblem("application", "", m)));

        if (model.eventStores().size() > 1) {
            out.add(new InfraProblem("eventStores", "", "at most one event store is supported, found "
                    + model.eventStores().size()));
        }
        unique(out, "event store", model.eventStores(), EventStoreTable::name);
        for (EventStoreTable t : model.eventStores()) {
            String el = "event store \"" + t.name() + "\"";
            name(out, el, t.name());
            InfraRules.checkProvider("event store", t.provider(), InfraRules.EVENT_STORE_PROVIDERS)
                    .ifPresent(m -> out.add(new InfraProblem(el, "provider", m)));
            if (!t.table().matches("[A-Za-z0-9_.-]{1,200}")) {
                out.add(new InfraProblem(el, "table", "table name \"" + t.table()
                        + "\" must be 1..200 letters, digits, '_', '-' or '.'"));
            }
            if (!t.billingMode().equals("PAY_PER_REQUEST") && !t.billingMode().equals("PROVISIONED")) {
                out.add(new InfraProblem(el, "billingMode", "unknown billing mode \"" + t.billingMode()
                        + "\"; expected PAY_PER_REQUEST or PROVISIONED"));
            }
            if (t.billingMode().equals("PROVISIONED") && (t.readCapacity() < 1 || t.writeCapacity() < 1)) {
                out.add(new InfraProblem(el, "readCapacity", "provisioned capacity must be at least 1, got read "
                        + t.readCapacity() + " and write " + t.writeCapacity()));
            }
        }

        unique(out, "queue", model.queues(), Queue::name);
        Set<String> queueNames = new HashSet<>();
        model.queues().forEach(q -> queueNames.add(q.name()));
        for (Queue q : model.queues()) {
            String el = "queue \"" + q.name() + "\"";
            name(out, el, q.name());
            InfraRules.checkProvider("queue", q.provider(), InfraRules.QUEUE_PROVIDERS)
                    .ifPresent(m -> out.add(new InfraProblem(el, "provider", m)));
            InfraRules.checkVisibilityTimeout(q.visibilityTimeout())
                    .ifPresent(m -> out.add(new InfraProblem(el, "visibilityTimeout", m)));
            if (q.dlq()) {
                InfraRules.checkMaxReceives(q.dlqMaxReceives())
                        .ifPresent(m -> out.add(new InfraProblem(el, "dlqMaxReceives", m)));
                if (queueNames.contains(q.dlqName())) {
                    out.add(new InfraProblem(el, "dlq", "its dead-letter queue would be named \"" + q.dlqName()
                            + "\", which is already a queue's name"));
                }
            }
        }

        unique(out, "event bus", model.eventBuses(), EventBus::name);
        for (EventBus b : model.eventBuses()) {
            String el = "event bus \"" + b.name() + "\"";
            name(out, el, b.name());
            InfraRules.checkProvider("event bus", b.provider(), InfraRules.BUS_PROVIDERS)
                    .ifPresent(m -> out.add(new InfraProblem(el, "provider", m)));
        }

        unique(out, "bucket", model.buckets(), Bucket::name);
        for (Bucket b : model.buckets()) {
            name(out, "bucket \"" + b.name() + "\"", b.name());
            if (b.name().length() > MAX_PREFIXED - 1) {
                out.add(new InfraProblem("bucket \"" + b.name() + "\"", "name", "bucket name \"" + b.name()
                        + "\" is longer than " + (MAX_PREFIXED - 1) + " characters; with a name prefix of up to "
                        + MAX_PREFIX + " characters it would exceed S3's 63"));
            }
        }
        if (model.buckets().stream().filter(Bucket::snapshots).count() > 1) {
            out.add(new InfraProblem("buckets", "", "at most one bucket may hold snapshots"));
        }

        unique(out, "function", model.functions(), LambdaFunction::name);
        for (LambdaFunction f : model.functions()) {
            function(out, model, f, queueNames);
        }
        unique(out, "Cloud Run service", model.services(), CloudRunService::name);
        for (CloudRunService s : model.services()) {
            service(out, model, s);
        }
        return out;
    }

    private static void function(List<InfraProblem> out, InfraModel model, LambdaFunction f, Set<String> queueNames) {
        String el = "function \"" + f.name() + "\"";
        name(out, el, f.name());
        if (!f.runtime().equals(LambdaFunction.JAVA21) && !f.runtime().equals(LambdaFunction.PROVIDED_AL2023)) {
            out.add(new InfraProblem(el, "runtime", "unknown runtime \"" + f.runtime() + "\"; expected "
                    + LambdaFunction.JAVA21 + " or " + LambdaFunction.PROVIDED_AL2023));
        }
        if (f.snapStart() && !f.runtime().equals(LambdaFunction.JAVA21)) {
            out.add(new InfraProblem(el, "snapStart", "SnapStart needs the managed java21 runtime, not "
                    + f.runtime()));
        }
        if (f.handler().isBlank()) {
            out.add(new InfraProblem(el, "handler", "handler must not be blank"));
        }
        InfraRules.checkMemory(f.memory()).ifPresent(m -> out.add(new InfraProblem(el, "memory", m)));
        InfraRules.checkTimeout(f.timeout()).ifPresent(m -> out.add(new InfraProblem(el, "timeout", m)));
        if (!f.architecture().equals("arm64") && !f.architecture().equals("x86_64")) {
            out.add(new InfraProblem(el, "architecture", "unknown architecture \"" + f.architecture()
                    + "\"; expected arm64 or x86_64"));
        }
        InfraRules.checkLogRetention(f.logRetentionDays())
                .ifPresent(m -> out.add(new InfraProblem(el, "logRetentionDays", m)));
        environment(out, el, f.environment(), RESERVED_LAMBDA_ENV, "Lambda");
        f.http().ifPresent(h -> {
            if (!Set.of(HttpDoor.FUNCTION_URL, HttpDoor.FUNCTION_URL_IAM, HttpDoor.HTTP_API).contains(h.type())) {
                out.add(new InfraProblem(el, "http.type", "unknown HTTP door \"" + h.type()
                        + "\"; expected function-url, function-url-iam or http-api"));
            }
            if (h.type().equals(HttpDoor.HTTP_API) && h.routes().isEmpty()) {
                out.add(new InfraProblem(el, "http.routes", "an http-api door needs at least one route"));
            }
            Set<String> seen = new HashSet<>();
            for (Route r : h.routes()) {
                if (!METHODS.contains(r.method())) {
                    out.add(new InfraProblem(el, "http.routes", "unknown method \"" + r.method() + "\" in route "
                            + r.method() + " " + r.path()));
                }
                if (!r.path().startsWith("/") || r.path().chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
                    out.add(new InfraProblem(el, "http.routes", "route path \"" + r.path()
                            + "\" must start with '/' and contain no spaces or control characters"));
                }
                if (!seen.add(r.method() + " " + r.path())) {
                    out.add(new InfraProblem(el, "http.routes", "duplicate route " + r.method() + " " + r.path()));
                }
            }
        });
        Set<String> sources = new HashSet<>();
        for (Subscription s : f.subscriptions()) {
            if (!sources.add(s.getClass().getSimpleName() + ":" + s.source())) {
                out.add(new InfraProblem(el, "subscribes", "subscribes twice to \"" + s.source() + "\""));
            }
            switch (s) {
                case Subscription.OfQueue q -> {
                    Optional<Queue> queue = model.queue(q.source());
                    if (queue.isEmpty()) {
                        out.add(missing(el, "subscribes", "queue", q.source()));
                    } else {
                        if (queue.get().visibilityTimeout() < f.timeout()) {
                            out.add(new InfraProblem(el, "subscribes", "queue \"" + q.source()
                                    + "\" has a visibility timeout of " + queue.get().visibilityTimeout()
                                    + " s, shorter than this function's timeout of " + f.timeout()
                                    + " s; messages would be delivered twice"));
                        }
                        InfraRules.checkBatchSize(q.batchSize(), 10)
                                .ifPresent(m -> out.add(new InfraProblem(el, "subscribes", m)));
                    }
                }
                case Subscription.OfBus b -> {
                    if (model.eventBus(b.source()).isEmpty()) {
                        out.add(missing(el, "subscribes", "event bus", b.source()));
                    }
                    String rule = f.name() + "-" + b.source();
                    if (rule.length() > MAX_PREFIXED) {
                        out.add(new InfraProblem(el, "subscribes", "the EventBridge rule \"" + rule + "\" would be"
                                + " longer than " + MAX_PREFIXED + " characters (64 with a name prefix of up to "
                                + MAX_PREFIX + "); shorten the function or bus name"));
                    }
                    if (b.detailTypes().isEmpty()) {
                        out.add(new InfraProblem(el, "subscribes", "a bus subscription to \"" + b.source()
                                + "\" needs at least one detail type"));
                    }
                    b.detailTypes().forEach(d -> InfraRules.checkDetailType(d)
                            .ifPresent(m -> out.add(new InfraProblem(el, "subscribes", m))));
                }
                case Subscription.OfStream st -> {
                    Optional<EventStoreTable> t = model.eventStore(st.source());
                    if (t.isEmpty()) {
                        out.add(missing(el, "subscribes", "event store", st.source()));
                    } else if (!t.get().stream()) {
                        out.add(new InfraProblem(el, "subscribes", "event store \"" + st.source()
                                + "\" has its stream turned off; set stream = true to subscribe to it"));
                    }
                    InfraRules.checkBatchSize(st.batchSize(), 10000)
                            .ifPresent(m -> out.add(new InfraProblem(el, "subscribes", m)));
                    if (st.maxRetries() < 0 || st.maxRetries() > 10000) {
                        out.add(new InfraProblem(el, "subscribes", "maxRetries " + st.maxRetries()
                                + " is outside 0..10000"));
                    }
                    String failures = f.name() + "-stream-failures";
                    if (queueNames.contains(failures)) {
                        out.add(new InfraProblem(el, "subscribes", "its stream failure queue would be named \""
                                + failures + "\", which is already a queue's name"));
                    }
                }
            }
        }
        uses(out, model, el, f.uses());
    }

    private static void service(List<InfraProblem> out, InfraModel model, CloudRunService s) {
        String el = "Cloud Run service \"" + s.name() + "\"";
        name(out, el, s.name());
        if (s.name().length() > 14) {
            out.add(new InfraProblem(el, "name", "service name \"" + s.name() + "\" is longer than 14 characters;"
                    + " its service account id (name prefix of up to 16 + name) must fit in 30"));
        }
        if (s.port() < 1 || s.port() > 65535) {
            out.add(new InfraProblem(el, "port", "port " + s.port() + " is outside 1..65535"));
        }
        if (s.minInstances() < 0) {
            out.add(new InfraProblem(el, "minInstances", "minInstances " + s.minInstances() + " is negative"));
        }
        if (s.maxInstances() < Math.max(1, s.minInstances()) || s.maxInstances() > 1000) {
            out.add(new InfraProblem(el, "maxInstances", "maxInstances " + s.maxInstances() + " is outside "
                    + Math.max(1, s.minInstances()) + "..1000"));
        }
        if (s.concurrency() < 1 || s.concurrency() > 1000) {
            out.add(new InfraProblem(el, "concurrency", "concurrency " + s.concurrency() + " is outside 1..1000"));
        }
        if (!s.cpu().matches("[0-9]+(\\.[0-9]+)?|[0-9]+m")) {
            out.add(new InfraProblem(el, "cpu", "cpu \"" + s.cpu() + "\" is not a CPU quantity like \"1\" or \"500m\""));
        }
        if (!s.memory().matches("[0-9]+(Mi|Gi)")) {
            out.add(new InfraProblem(el, "memory", "memory \"" + s.memory()
                    + "\" is not a quantity like \"512Mi\" or \"2Gi\""));
        }
        for (String p : List.of(s.startupPath(), s.livenessPath())) {
            if (!p.startsWith("/") || p.chars().anyMatch(c -> c <= ' ')) {
                out.add(new InfraProblem(el, "startupPath", "probe path \"" + p + "\" must start with '/'"));
            }
        }
        environment(out, el, s.environment(), RESERVED_CLOUD_RUN_ENV, "Cloud Run");
        for (Subscription sub : s.subscriptions()) {
            switch (sub) {
                case Subscription.OfQueue q -> {
                    if (model.queue(q.source()).isEmpty()) {
                        out.add(missing(el, "subscribes", "queue", q.source()));
                    }
                }
                case Subscription.OfBus b -> {
                    if (model.eventBus(b.source()).isEmpty()) {
                        out.add(missing(el, "subscribes", "event bus", b.source()));
                    }
                }
                case Subscription.OfStream st -> out.add(new InfraProblem(el, "subscribes",
                        "Cloud Run cannot subscribe to the stream of \"" + st.source()
                                + "\"; projections run in-process there"));
            }
        }
        uses(out, model, el, s.uses());
    }

    private static void uses(List<InfraProblem> out, InfraModel model, String el, List<Use> uses) {
        Set<String> seen = new HashSet<>();
        for (Use u : uses) {
            if (!seen.add(u.resource())) {
                out.add(new InfraProblem(el, "uses", "uses \"" + u.resource() + "\" twice; merge the accesses"));
            }
            if (u.access().isEmpty()) {
                out.add(new InfraProblem(el, "uses", "use of \"" + u.resource() + "\" names no access"));
            }
            Set<Access> allowed;
            String kind;
            if (model.eventStore(u.resource()).isPresent()) {
                allowed = Set.of(Access.APPEND, Access.READ, Access.READ_ALL);
                kind = "event store";
            } else if (model.queue(u.resource()).isPresent()) {
                allowed = Set.of(Access.PUBLISH);
                kind = "queue";
            } else if (model.eventBus(u.resource()).isPresent()) {
                allowed = Set.of(Access.PUBLISH);
                kind = "event bus";
            } else if (model.bucket(u.resource()).isPresent()) {
                allowed = Set.of(Access.READ, Access.WRITE);
                kind = "bucket";
            } else {
                out.add(new InfraProblem(el, "uses", "uses \"" + u.resource()
                        + "\", which is not a declared event store, queue, event bus or bucket"));
                continue;
            }
            for (Access a : u.access()) {
                if (!allowed.contains(a)) {
                    out.add(new InfraProblem(el, "uses", "access \"" + a.json() + "\" does not apply to " + kind
                            + " \"" + u.resource() + "\"; allowed: "
                            + allowed.stream().sorted().map(Access::json).toList()));
                }
            }
        }
    }

    private static void environment(List<InfraProblem> out, String el, Map<String, String> env,
                                    Set<String> reserved, String platform) {
        for (String key : env.keySet()) {
            InfraRules.checkEnvironmentKey(key).ifPresent(m -> out.add(new InfraProblem(el, "environment", m)));
            if (reserved.contains(key)) {
                out.add(new InfraProblem(el, "environment", "environment variable " + key + " is reserved by "
                        + platform));
            }
        }
    }

    private static InfraProblem missing(String el, String attribute, String kind, String name) {
        return new InfraProblem(el, attribute, "refers to " + kind + " \"" + name + "\", which is not declared");
    }

    private static void name(List<InfraProblem> out, String el, String name) {
        InfraRules.checkName(name).ifPresent(m -> out.add(new InfraProblem(el, "name", m)));
    }

    private static <T> void unique(List<InfraProblem> out, String kind, List<T> items, Function<T, String> name) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String n = name.apply(item);
            if (!seen.add(n)) {
                out.add(new InfraProblem(kind + " \"" + n + "\"", "name", "duplicate " + kind + " name \"" + n
                        + "\""));
            }
        }
    }
}
