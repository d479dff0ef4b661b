package dev.allframe.infra.model;

import dev.allframe.infra.internal.MiniJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads and writes {@code infra.json} (format in the module README). Structural errors name the JSON path. */
final class InfraJson {
    private InfraJson() {
    }

    static InfraModel read(String text) {
        Object root;
        try {
            root = MiniJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail("infra.json", e.getMessage());
        }
        Obj o = Obj.of(root, "infra.json");
        String format = o.str("format", null);
        if (!"allframe-infra".equals(format)) {
            throw fail("infra.json.format", "expected \"allframe-infra\", got " + describe(format));
        }
        long version = o.integer("version", -1);
        if (version != InfraModel.FORMAT_VERSION) {
            throw fail("infra.json.version", "this AllFrame reads version " + InfraModel.FORMAT_VERSION
                    + " of the model, the file is version " + version + "; rebuild with the same AllFrame version");
        }
        InfraModel model = new InfraModel(
                o.str("application", null),
                o.list("eventStores", InfraJson::eventStore),
                o.list("queues", InfraJson::queue),
                o.list("eventBuses", InfraJson::eventBus),
                o.list("buckets", InfraJson::bucket),
                o.list("functions", InfraJson::function),
                o.list("cloudRunServices", InfraJson::service));
        o.done(Set.of("format", "version", "application", "eventStores", "queues", "eventBuses", "buckets",
                "functions", "cloudRunServices"));
        return model;
    }

    private static EventStoreTable eventStore(Obj e) {
        EventStoreTable t = new EventStoreTable(e.str("name", null), e.str("provider", "auto"),
                e.str("table", e.str("name", null)), e.str("billingMode", "PAY_PER_REQUEST"), e.bool("stream", true),
                e.integer("readCapacity", 5), e.integer("writeCapacity", 5));
        e.done(Set.of("name", "provider", "table", "billingMode", "stream", "readCapacity", "writeCapacity"));
        return t;
    }

    private static Queue queue(Obj e) {
        Queue q = new Queue(e.str("name", null), e.str("provider", "auto"), e.integer("visibilityTimeout", 60),
                e.bool("dlq", true), e.integer("dlqMaxReceives", 5), e.bool("fifo", false));
        e.done(Set.of("name", "provider", "visibilityTimeout", "dlq", "dlqMaxReceives", "fifo"));
        return q;
    }

    private static EventBus eventBus(Obj e) {
        EventBus b = new EventBus(e.str("name", null), e.str("provider", "auto"));
        e.done(Set.of("name", "provider"));
        return b;
    }

    private static Bucket bucket(Obj e) {
        Bucket b = new Bucket(e.str("name", null), e.bool("snapshots", true));
        e.done(Set.of("name", "snapshots"));
        return b;
    }

    private static LambdaFunction function(Obj e) {
        String runtime = e.str("runtime", LambdaFunction.JAVA21);
        Optional<HttpDoor> http = e.optObj("http").map(h -> {
            HttpDoor door = new HttpDoor(h.str("type", null), h.list("routes",
                    r -> {
                        Route route = new Route(r.str("method", null), r.str("path", null));
                        r.done(Set.of("method", "path"));
                        return route;
                    }));
            h.done(Set.of("type", "routes"));
            return door;
        });
        LambdaFunction f = new LambdaFunction(e.str("name", null), runtime,
                e.str("handler", runtime.equals(LambdaFunction.JAVA21) ? LambdaFunction.DEFAULT_JAVA_HANDLER
                        : "bootstrap"),
                e.integer("memory", 1024), e.integer("timeout", 30), e.str("architecture", "arm64"),
                e.bool("snapStart", runtime.equals(LambdaFunction.JAVA21)), e.strMap("environment"), http,
                e.integer("logRetentionDays", 14), e.list("subscribes", InfraJson::subscription),
                e.list("uses", InfraJson::use));
        e.done(Set.of("name", "runtime", "handler", "memory", "timeout", "architecture", "snapStart", "environment",
                "http", "logRetentionDays", "subscribes", "uses"));
        return f;
    }

    private static CloudRunService service(Obj e) {
        CloudRunService s = new CloudRunService(e.str("name", null), e.integer("port", 8080), e.str("cpu", "1"),
                e.str("memory", "512Mi"), e.integer("minInstances", 0), e.integer("maxInstances", 10),
                e.integer("concurrency", 80), e.str("startupPath", "/health/ready"),
                e.str("livenessPath", "/health/live"), e.strMap("environment"),
                e.list("subscribes", InfraJson::subscription), e.list("uses", InfraJson::use));
        e.done(Set.of("name", "port", "cpu", "memory", "minInstances", "maxInstances", "concurrency", "startupPath",
                "livenessPath", "environment", "subscribes", "uses"));
        return s;
    }

    private static Subscription subscription(Obj e) {
        int kinds = (e.has("queue") ? 1 : 0) + (e.has("bus") ? 1 : 0) + (e.has("stream") ? 1 : 0);
        if (kinds != 1) {
            throw fail(e.path, "a subscription names exactly one of \"queue\", \"bus\" or \"stream\", found " + kinds);
        }
        Subscription s;
        if (e.has("queue")) {
            s = new Subscription.OfQueue(e.str("queue", null), e.integer("batchSize", 10));
            e.done(Set.of("queue", "batchSize"));
        } else if (e.has("bus")) {
            s = new Subscription.OfBus(e.str("bus", null), e.strList("detailTypes"));
            e.done(Set.of("bus", "detailTypes"));
        } else {
            s = new Subscription.OfStream(e.str("stream", null), e.integer("batchSize", 100),
                    e.integer("maxRetries", 3));
            e.done(Set.of("stream", "batchSize", "maxRetries"));
        }
        return s;
    }

    private static Use use(Obj e) {
        Set<Access> access = EnumSet.noneOf(Access.class);
        List<String> names = e.strList("access");
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            int idx = i;
            access.add(Access.ofJson(n).orElseThrow(() -> fail(e.path + ".access[" + idx + "]",
                    "unknown access \"" + n + "\"; expected one of "
                            + java.util.Arrays.stream(Access.values()).map(Access::json).toList())));
        }
        Use u = new Use(e.str("resource", null), access);
        e.done(Set.of("resource", "access"));
        return u;
    }

    static String write(InfraModel m) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "allframe-infra");
        root.put("version", InfraModel.FORMAT_VERSION);
        root.put("application", m.application());
        root.put("eventStores", map(m.eventStores(), t -> obj("name", t.name(), "provider", t.provider(),
                "table", t.table(), "billingMode", t.billingMode(), "stream", t.stream(),
                "readCapacity", t.readCapacity(), "writeCapacity", t.writeCapacity())));
        root.put("queues", map(m.queues(), q -> obj("name", q.name(), "provider", q.provider(),
                "visibilityTimeout", q.visibilityTimeout(), "dlq", q.dlq(), "dlqMaxReceives", q.dlqMaxReceives(),
                "fifo", q.fifo())));
        root.put("eventBuses", map(m.eventBuses(), b -> obj("name", b.name(), "provider", b.provider())));
        root.put("buckets", map(m.buckets(), b -> obj("name", b.name(), "snapshots", b.snapshots())));
        root.put("functions", map(m.functions(), f -> {
            Map<String, Object> o = obj("name", f.name(), "runtime", f.runtime(), "handler", f.handler(),
                    "memory", f.memory(), "timeout", f.timeout(), "architecture", f.architecture(),
                    "snapStart", f.snapStart(), "environment", new LinkedHashMap<>(f.environment()));
            f.http().ifPresent(h -> o.put("http", obj("type", h.type(), "routes",
                    map(h.routes(), r -> obj("method", r.method(), "path", r.path())))));
            o.put("logRetentionDays", f.logRetentionDays());
            o.put("subscribes", map(f.subscriptions(), InfraJson::subscriptionJson));
            o.put("uses", map(f.uses(), InfraJson::useJson));
            return o;
        }));
        root.put("cloudRunServices", map(m.services(), s -> {
            Map<String, Object> o = obj("name", s.name(), "port", s.port(), "cpu", s.cpu(), "memory", s.memory(),
                    "minInstances", s.minInstances(), "maxInstances", s.maxInstances(),
                    "concurrency", s.concurrency(), "startupPath", s.startupPath(),
                    "livenessPath", s.livenessPath(), "environment", new LinkedHashMap<>(s.environment()));
            o.put("subscribes", map(s.subscriptions(), InfraJson::subscriptionJson));
            o.put("uses", map(s.uses(), InfraJson::useJson));
            return o;
        }));
        return MiniJson.write(root);
    }

    private static Map<String, Object> subscriptionJson(Subscription s) {
        return switch (s) {
            case Subscription.OfQueue q -> obj("queue", q.source(), "batchSize", q.batchSize());
            case Subscription.OfBus b -> obj("bus", b.source(), "detailTypes", b.detailTypes());
            case Subscription.OfStream st -> obj("stream", st.source(), "batchSize", st.batchSize(),
                    "maxRetries", st.maxRetries());
        };
    }

    private static Map<String, Object> useJson(Use u) {
        return obj("resource", u.resource(), "access",
                EnumSet.copyOf(u.access().isEmpty() ? EnumSet.noneOf(Access.class) : u.access()).stream()
                        .map(Access::json).toList());
    }

    private static <T> List<Object> map(List<T> items, Function<T, Object> f) {
        List<Object> out = new ArrayList<>();
        items.forEach(i -> out.add(f.apply(i)));
        return out;
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static InfraModelException fail(String path, String message) {
        return new InfraModelException(List.of(new InfraProblem(path, "", message)));
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return v.toString();
    }

    /** A JSON object with its path, for messages. */
    private record Obj(Map<String, Object> map, String path) {
        @SuppressWarnings("unchecked")
        static Obj of(Object v, String path) {
            if (!(v instanceof Map)) {
                throw fail(path, "expected an object, got " + describe(v));
            }
            return new Obj((Map<String, Object>) v, path);
        }

        boolean has(String key) {
            return map.containsKey(key) && map.get(key) != null;
        }

        String str(String key, String dflt) {
            Object v = map.get(key);
            if (v == null) {
                if (dflt == null) {
                    throw fail(path + "." + key, "required, expected a string");
                }
                return dflt;
            }
            if (!(v instanceof String s)) {
                throw fail(path + "." + key, "expected a string, got " + describe(v));
            }
            return s;
        }

        int integer(String key, int dflt) {
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            if (v instanceof BigDecimal d) {
                try {
                    return d.intValueExact();
                } catch (ArithmeticException ignored) {
                    // reported below
                }
            }
            throw fail(path + "." + key, "expected an integer, got " + describe(v));
        }

        boolean bool(String key, boolean dflt) {
            Object v = map.get(key);
            if (v == null) {
                return dflt;
            }
            if (!(v instanceof Boolean b)) {
                throw fail(path + "." + key, "expected true or false, got " + describe(v));
            }
            return b;
        }

        Optional<Obj> optObj(String key) {
            Object v = map.get(key);
            return v == null ? Optional.empty() : Optional.of(of(v, path + "." + key));
        }

        <T> List<T> list(String key, Function<Obj, T> f) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw fail(path + "." + key, "expected an array, got " + describe(v));
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(f.apply(of(l.get(i), path + "." + key + "[" + i + "]")));
            }
            return out;
        }

        List<String> strList(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                throw fail(path + "." + key, "expected an array of strings, got " + describe(v));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (!(l.get(i) instanceof String s)) {
                    throw fail(path + "." + key + "[" + i + "]", "expected a string, got " + describe(l.get(i)));
                }
                out.add(s);
            }
            return out;
        }

        Map<String, String> strMap(String key) {
            Object v = map.get(key);
            if (v == null) {
                return Map.of();
            }
            Obj o = of(v, path + "." + key);
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : o.map.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw fail(o.path + "." + e.getKey(), "expected a string, got " + describe(e.getValue()));
                }
                out.put(e.getKey(), s);
            }
            return out;
        }

        void done(Set<String> known) {
            for (String k : map.keySet()) {
                if (!known.contains(k)) {
                    throw fail(path + "." + k, "unknown attribute; expected one of " + known.stream().sorted().toList());
                }
            }
        }
    }
}
