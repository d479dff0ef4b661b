package dev.allframe.processor;

import dev.allframe.infra.model.Access;
import dev.allframe.infra.model.Bucket;
import dev.allframe.infra.model.CloudRunService;
import dev.allframe.infra.model.EventBus;
import dev.allframe.infra.model.EventStoreTable;
import dev.allframe.infra.model.HttpDoor;
import dev.allframe.infra.model.InfraModel;
import dev.allframe.infra.model.InfraProblem;
import dev.allframe.infra.model.InfraRules;
import dev.allframe.infra.model.InfraValidator;
import dev.allframe.infra.model.LambdaFunction;
import dev.allframe.infra.model.Queue;
import dev.allframe.infra.model.Route;
import dev.allframe.infra.model.Subscription;
import dev.allframe.infra.model.Use;
import dev.allframe.processor.InfraReader.Declaration;
import dev.allframe.processor.InfraReader.UseSite;
import dev.allframe.processor.Model.Controller;

import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds the infrastructure model ({@code allframe-infra}'s {@link InfraModel}) from what {@link InfraReader} found
 * and the dependency graph, checks it with the same rules that read it back ({@link InfraValidator}), and writes
 * {@code META-INF/allframe/infra.json}. Each problem becomes a compile error {@code [AllFrame/InfraInvalid]} on the
 * annotation that caused it, at the offending attribute when it is written out.
 *
 * <p>A deployable's root is the type carrying {@code @LambdaFunction} or {@code @CloudRunService}. If that type is
 * a component, the deployable serves it (and its routes, for a controller) and uses what the component reaches. Any
 * other type (the {@code @AllFrameApplication} class, a Lambda handler class) stands for the whole application: it
 * serves every route and handler, and uses what all of them reach.
 */
final class InfraWriter {
    static final String PATH = InfraModel.RESOURCE;
    private static final String ID = "InfraInvalid";

    private final Diagnostics diagnostics;
    private final Elements elements;
    private final InfraReader reader;
    private final TypeElement app;
    private final Set<String> componentIds;
    private final Set<String> entryIds;
    private final List<Controller> controllers;
    private final List<UseSite> useSites;
    private final Function<String, Set<String>> reachable;
    /** The generated handler class of each function, by function name ({@link LambdaWriter}). */
    private Map<String, String> generatedHandlers = Map.of();

    /** Problems map back to the declaration named by {@link InfraProblem#element()}. */
    private final Map<String, Declaration> byLabel = new HashMap<>();
    /** The use sites each deployable's uses came from, by deployable label. */
    private final Map<String, List<UseSite>> usedBy = new HashMap<>();
    /** The subscriptions of each deployable, by deployable label. */
    private final Map<String, List<Declaration>> subscribedBy = new HashMap<>();

    InfraWriter(Diagnostics diagnostics, Elements elements, InfraReader reader, TypeElement app,
                Set<String> componentIds, Set<String> entryIds, List<Controller> controllers,
                List<UseSite> useSites, Function<String, Set<String>> reachable) {
        this.diagnostics = diagnostics;
        this.elements = elements;
        this.reader = reader;
        this.app = app;
        this.componentIds = componentIds;
        this.entryIds = entryIds;
        this.controllers = controllers;
        this.useSites = useSites;
        this.reachable = reachable;
    }

    /** @return whether the application declares any infrastructure (otherwise no infra.json is written) */
    boolean declared() {
        return !reader.origins.isEmpty();
    }

    /** @return the text of {@code infra.json}, or empty if a problem was reported */
    Optional<String> write() {
        int before = diagnostics.errors();
        List<EventStoreTable> stores = new ArrayList<>();
        for (Declaration d : unique(InfraReader.EVENT_STORE, "event store")) {
            String table = d.string("table");
            stores.add(new EventStoreTable(d.string("name"), d.string("provider"),
                    table.isEmpty() ? d.string("name") : table, d.constant("billingMode"), d.bool("stream"), 5, 5));
        }
        List<Queue> queues = new ArrayList<>();
        for (Declaration d : unique(InfraReader.QUEUE, "queue")) {
            queues.add(new Queue(d.string("name"), d.string("provider"), d.integer("visibilityTimeout"),
                    d.bool("dlq"), d.integer("dlqMaxReceives"), d.bool("fifo")));
        }
        List<EventBus> buses = new ArrayList<>();
        for (Declaration d : unique(InfraReader.EVENT_BUS, "event bus")) {
            buses.add(new EventBus(d.string("name"), d.string("provider")));
        }
        List<Bucket> buckets = new ArrayList<>();
        for (Declaration d : unique(InfraReader.BUCKET, "bucket")) {
            buckets.add(new Bucket(d.string("name"), d.bool("snapshots")));
        }

        Set<Element> roots = new java.util.HashSet<>();
        List<LambdaFunction> functions = new ArrayList<>();
        List<CloudRunService> services = new ArrayList<>();
        Map<String, Declaration> seenFunctions = new HashMap<>();
        Map<String, Declaration> seenServices = new HashMap<>();
        for (Declaration d : reader.deployables) {
            boolean lambda = d.kind().equals(InfraReader.LAMBDA);
            String label = (lambda ? "function" : "Cloud Run service") + " \"" + d.string("name") + "\"";
            if (!firstOfName(lambda ? seenFunctions : seenServices, d, lambda ? "function" : "Cloud Run service")) {
                continue;
            }
            byLabel.put(label, d);
            roots.add(d.element());
            TypeElement root = (TypeElement) d.element();
            String rootId = root.getQualifiedName().toString();
            Set<String> starts = componentIds.contains(rootId) ? Set.of(rootId) : entryIds;
            Set<String> reached = new TreeSet<>();
            starts.forEach(s -> reached.addAll(reachable.apply(s)));
            List<UseSite> sites = useSites.stream().filter(u -> reached.contains(u.component())).toList();
            usedBy.put(label, sites);
            List<Use> uses = Use.union(sites.stream().map(u -> use(u.declaration())).toList());
            List<Declaration> subs = reader.subscribes.stream().filter(s -> s.element().equals(root)).toList();
            subscribedBy.put(label, subs);
            List<Subscription> subscriptions = new ArrayList<>();
            for (Declaration s : subs) {
                subscription(s).ifPresent(subscriptions::add);
            }
            Map<String, String> environment = environment(d);
            if (lambda) {
                String runtime = d.constant("runtime").equals("PROVIDED_AL2023") ? LambdaFunction.PROVIDED_AL2023
                        : LambdaFunction.JAVA21;
                String http = d.constant("http");
                Optional<HttpDoor> door = http.equals("NONE") ? Optional.empty()
                        : Optional.of(new HttpDoor(http.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                                routes(componentIds.contains(rootId) ? rootId : null)));
                String handler = d.values().containsKey("handler") && !d.string("handler").isEmpty()
                        ? d.string("handler") : generatedHandlers.containsKey(d.string("name"))
                        ? generatedHandlers.get(d.string("name")) : handler(root, runtime);
                functions.add(new LambdaFunction(d.string("name"), runtime, handler,
                        d.integer("memory"), d.integer("timeout"),
                        d.constant("architecture").toLowerCase(java.util.Locale.ROOT), d.bool("snapStart"),
                        environment, door, d.integer("logRetentionDays"), subscriptions, uses));
            } else {
                services.add(new CloudRunService(d.string("name"), d.integer("port"), d.string("cpu"),
                        d.string("memory"), d.integer("minInstances"), d.integer("maxInstances"),
                        d.integer("concurrency"), d.string("startupPath"), d.string("livenessPath"), environment,
                        subscriptions, uses));
            }
        }
        for (Declaration s : reader.subscribes) {
            if (!roots.contains(s.element())) {
                error(s, "", "@Subscribes on "
                        + InfraReader.describe(s.element()) + " has no deployable: put it next to the"
                        + " @LambdaFunction or @CloudRunService it triggers.");
            }
        }
        InfraModel model = new InfraModel(applicationName(app), stores, queues, buses, buckets, functions, services);
        for (InfraProblem p : InfraValidator.validate(model)) {
            report(p);
        }
        return diagnostics.errors() > before ? Optional.empty() : Optional.of(model.toJson());
    }

    /** @return the declarations of a resource kind, sorted by name, each name once (a repeat is reported) */
    private List<Declaration> unique(String kind, String label) {
        Map<String, Declaration> seen = new HashMap<>();
        List<Declaration> out = new ArrayList<>();
        for (Declaration d : reader.resources.get(kind)) {
            if (firstOfName(seen, d, label)) {
                out.add(d);
                byLabel.put(label + " \"" + d.string("name") + "\"", d);
            }
        }
        out.sort(Comparator.comparing(d -> d.string("name")));
        return out;
    }

    private boolean firstOfName(Map<String, Declaration> seen, Declaration d, String label) {
        Declaration first = seen.putIfAbsent(d.string("name"), d);
        if (first == null) {
            return true;
        }
        error(d, "name", label + " \"" + d.string("name")
                + "\": duplicate name; " + first.describe() + " already declares it (" + d.describe() + ")");
        return false;
    }

    private static Use use(Declaration d) {
        EnumSet<Access> access = EnumSet.noneOf(Access.class);
        d.strings("access").forEach(a -> access.add(Access.valueOf(a)));
        return new Use(d.string("resource"), access);
    }

    private Optional<Subscription> subscription(Declaration s) {
        String queue = s.string("queue");
        String bus = s.string("bus");
        String stream = s.string("stream");
        int set = (queue.isEmpty() ? 0 : 1) + (bus.isEmpty() ? 0 : 1) + (stream.isEmpty() ? 0 : 1);
        if (set != 1) {
            error(s, "", "@Subscribes on "
                    + InfraReader.describe(s.element())
                    + " must name exactly one of queue, bus or stream");
            return Optional.empty();
        }
        if (!queue.isEmpty()) {
            return Optional.of(new Subscription.OfQueue(queue, s.integer("batchSize")));
        }
        if (!bus.isEmpty()) {
            return Optional.of(new Subscription.OfBus(bus, s.strings("detailTypes")));
        }
        return Optional.of(new Subscription.OfStream(stream, s.integer("batchSize"), s.integer("maxRetries")));
    }

    private Map<String, String> environment(Declaration d) {
        try {
            return InfraRules.parseEnvironment(d.strings("environment").toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            error(d, "environment", e.getMessage() + " ("
                    + d.describe() + ")");
            return Map.of();
        }
    }

    /** @return the routes of one controller, or of every controller when {@code controllerId} is null */
    private List<Route> routes(String controllerId) {
        Set<Route> out = new TreeSet<>(Comparator.comparing(Route::path).thenComparing(Route::method));
        for (Controller c : controllers) {
            if (controllerId == null || c.type().getQualifiedName().contentEquals(controllerId)) {
                c.routes().forEach(r -> out.add(new Route(r.httpMethod(), r.template())));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param handlers the generated handler ({@code Class::handleRequest}) of each function, by name
     * @return this writer
     */
    InfraWriter generatedHandlers(Map<String, String> handlers) {
        this.generatedHandlers = Map.copyOf(handlers);
        return this;
    }

    /** A root that is a Lambda handler (has {@code handleRequest}) is the function's handler; else AllFrame's. */
    private String handler(TypeElement root, String runtime) {
        if (runtime.equals(LambdaFunction.PROVIDED_AL2023)) {
            return "bootstrap";
        }
        boolean handles = elements.getAllMembers(root).stream()
                .anyMatch(m -> m.getKind() == ElementKind.METHOD && m.getSimpleName().contentEquals("handleRequest"));
        return handles ? elements.getBinaryName(root) + "::handleRequest" : LambdaFunction.DEFAULT_JAVA_HANDLER;
    }

    /** {@code OrdersApp} and {@code OrdersApplication} are "orders"; {@code MyShop} is "my-shop". */
    static String applicationName(TypeElement app) {
        String simple = app.getSimpleName().toString();
        for (String suffix : List.of("Application", "App")) {
            if (simple.length() > suffix.length() && simple.endsWith(suffix)) {
                simple = simple.substring(0, simple.length() - suffix.length());
                break;
            }
        }
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private void report(InfraProblem p) {
        String attribute = p.attribute().contains(".")
                ? p.attribute().substring(0, p.attribute().indexOf('.')) : p.attribute();
        Declaration d = byLabel.get(p.element());
        if (d != null && attribute.equals("uses")) {
            for (UseSite u : usedBy.getOrDefault(p.element(), List.of())) {
                if (p.message().contains("\"" + u.declaration().string("resource") + "\"")) {
                    Declaration use = u.declaration();
                    error(use, "access", p + " ("
                            + use.describe() + ", reached from " + d.describe() + ")");
                    return;
                }
            }
        }
        if (d != null && attribute.equals("subscribes")) {
            for (Declaration s : subscribedBy.getOrDefault(p.element(), List.of())) {
                for (String source : List.of("queue", "bus", "stream")) {
                    String name = s.string(source);
                    if (!name.isEmpty() && p.message().contains("\"" + name + "\"")) {
                        error(s, source, p + " ("
                                + s.describe() + ")");
                        return;
                    }
                }
            }
        }
        if (d == null) {
            diagnostics.error(app, null, null, ID, p + " (application " + app.getQualifiedName() + ")");
            return;
        }
        String at = d.explicit(attribute) == null && attribute.equals("dlqMaxReceives") ? "dlq" : attribute;
        error(d, at, p + " (" + d.describe() + ")");
    }

    /**
     * Reports on the declaration's attribute when it is written out, else on the annotation. javac places a message
     * only on an annotation it finds among the element's own, which a repeated annotation is not (the element holds
     * a synthesized container), so those are located in the source tree.
     */
    private void error(Declaration d, String attribute, String message) {
        if (d.container() != null) {
            diagnostics.errorOnRepeated(d.element(), d.kind(), d.index(), ID, message);
        } else {
            diagnostics.error(d.element(), d.mirror(), d.explicit(attribute), ID, message);
        }
    }

    /** @return every element an infrastructure annotation sits on, for the Filer's originating elements */
    List<Element> origins() {
        return List.copyOf(reader.origins);
    }
}
