package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.allframe.processor.EntryPoints.Handler;
import dev.allframe.processor.EntryPoints.Kind;
import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.Key;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The CQRS runtime the container provides (principle 6): the {@code Stores} the environment selects, the event
 * types (derived from the sealed event interface), the typed event store, the command bus with every
 * {@code @HandleCommand}, the query bus with every {@code @HandleQuery} and the projection registry with every
 * {@code @ProjectionHandler} and {@code @SagaHandler}. Each is a lazy container getter, and each is left out when a
 * component already provides its type ({@code @Provides}), which the others then use instead: a user overrides any
 * part without rewriting the rest.
 */
final class RuntimeWiring {
    static final ClassName STORES = ClassName.get("dev.allframe.store", "Stores");
    static final ClassName EVENT_TYPES = ClassName.get("dev.allframe.eventstore", "EventTypes");
    static final ClassName EVENT_STORE = ClassName.get("dev.allframe.eventstore", "EventStore");
    static final ClassName RETRY_POLICY = ClassName.get(HandlerWiring.CQRS, "RetryPolicy");
    /**
     * The backends AllFrame ships, asked before {@code ServiceLoader} when on the compile class path (a provider's
     * class is tiny and names no backend type, so constructing it loads nothing of its backend).
     */
    static final List<String> PROVIDERS = List.of("dev.allframe.store.MemoryStoresProvider",
            "dev.allframe.jdbc.JdbcStoresProvider", "dev.allframe.aws.AwsStoresProvider");

    /**
     * One piece of the runtime.
     *
     * @param name the generated getter's name
     * @param type its type
     * @param key the key it satisfies
     * @param user the id of the user component that provides it instead, or {@code null}
     * @param create the statements that create it as {@code instance}, given the getter of each key
     * @param doc what it is, for the getter's Javadoc
     * @param reaches the handler components it dispatches to, for the graph (IAM)
     */
    record Binding(String name, TypeName type, Key key, String user, Function<Function<Key, String>, CodeBlock> create,
                   String doc, List<String> reaches) {
        boolean generated() {
            return user == null;
        }
    }

    private final Elements elements;
    private final Types types;
    private final HandlerWiring wiring;
    private final TypeElement application;
    private final Map<Key, Binding> bindings = new LinkedHashMap<>();

    RuntimeWiring(ProcessingEnvironment env, HandlerWiring wiring, TypeElement application) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.wiring = wiring;
        this.application = application;
    }

    /**
     * Decides what the container generates; call after {@link HandlerWiring#check()}.
     *
     * @param provided the user component that provides a key, or {@code null}
     */
    void plan(Function<Key, Component> provided) {
        if (!wiring.available() || elements.getTypeElement("dev.allframe.store.StoresProvider") == null) {
            return;
        }
        TypeMirror events = eventType();
        if (events == null) {
            return;
        }
        TypeName e = TypeName.get(events);
        CodeBlock.Builder open = CodeBlock.builder()
                .add("$T.fromEnvironment(environment, defaultStore(environment)", STORES);
        for (String provider : PROVIDERS) {
            if (elements.getTypeElement(provider) != null) {
                // Constructed here rather than by ServiceLoader, whose reflection costs a cold start ~280 classes.
                open.add(",\nnew $T()", ClassName.bestGuess(provider));
            }
        }
        CodeBlock openStores = open.add(")").build();
        Key stores = bind(provided, new Key(STORES.canonicalName(), null), "stores", STORES, n -> openStores,
                "the stores the environment selects ({@code ALLFRAME_STORE}, {@code EVENT_TABLE}, else "
                        + "{@code " + defaultStore() + "}; {@code memory:} on AWS Lambda)", List.of());
        TypeName typesType = ParameterizedTypeName.get(EVENT_TYPES, e);
        List<TypeElement> concrete = concreteEvents(events);
        Key typesKey = new Key(typesType.toString(), null);
        Key eventTypes;
        if (provided.apply(typesKey) != null || concrete != null) {
            CodeBlock.Builder create = CodeBlock.builder().add("$T.builder($T.class)", EVENT_TYPES, e);
            if (concrete != null) {
                for (TypeElement t : concrete) {
                    create.add("\n.register($T.class)", ClassName.get(t));
                }
            }
            CodeBlock types = create.add("\n.build()").build();
            eventTypes = bind(provided, typesKey, "eventTypes", typesType, n -> types,
                    "the event types, every class the sealed {@link " + e + "} permits", List.of());
        } else {
            return; // Not sealed and not provided: the application wires its own event store.
        }
        TypeName storeType = ParameterizedTypeName.get(EVENT_STORE, e);
        Key eventStore = bind(provided, new Key(storeType.toString(), null), "eventStore", storeType,
                n -> CodeBlock.of("$T.create($L().events(), $L())", EVENT_STORE, n.apply(stores), n.apply(eventTypes)),
                "the typed event store on the stores' backend", List.of());
        List<String> commandHandlers = components(wiring.handlers(Kind.COMMAND_HANDLER));
        if (wiring.commandEvents() != null && types.isSameType(wiring.commandEvents(), events)) {
            TypeName busType = ParameterizedTypeName.get(HandlerWiring.COMMAND_BUS, e);
            int retry = retryOnConflict();
            bindStatements(provided, new Key(busType.toString(), null), "commandBus", busType, n -> {
                CodeBlock.Builder create = CodeBlock.builder().add("$T.builder($L())\n.snapshotStore($L().snapshots())",
                        HandlerWiring.COMMAND_BUS, n.apply(eventStore), n.apply(stores));
                if (retry > 0) {
                    create.add("\n.retryOnConflict($T.attempts($L))", RETRY_POLICY, retry);
                }
                return CodeBlock.builder()
                        .addStatement("$T builder = $L", ParameterizedTypeName.get(
                                HandlerWiring.COMMAND_BUS.nestedClass("Builder"), e), create.build())
                        .addStatement("registerCommands(builder)")
                        .addStatement("$T instance = builder.build()", busType)
                        .build();
            }, "the command bus: every {@code @HandleCommand} with its validation, snapshot "
                            + "and retry policies", commandHandlers);
        }
        List<Handler> queries = wiring.handlers(Kind.QUERY_HANDLER);
        if (!queries.isEmpty()) {
            bind(provided, new Key(HandlerWiring.QUERY_BUS.canonicalName(), null), "queryBus",
                    HandlerWiring.QUERY_BUS, n -> CodeBlock.of("registerQueries($T.builder()).build()",
                            HandlerWiring.QUERY_BUS), "the query bus: every {@code @HandleQuery}",
                    components(queries));
        }
        List<Handler> readers = new ArrayList<>(wiring.handlers(Kind.PROJECTION));
        List<Handler> sagas = wiring.handlers(Kind.SAGA);
        readers.addAll(sagas);
        if (!readers.isEmpty() && types.isSameType(wiring.projectionEvents(), events)) {
            TypeName registry = ParameterizedTypeName.get(HandlerWiring.PROJECTION_REGISTRY, e);
            boolean withSagas = !sagas.isEmpty();
            bind(provided, new Key(registry.toString(), null), "projections", registry, n -> withSagas
                    ? CodeBlock.of("registerProjections($T.builder($L(), $L().checkpoints())\n.deadLetters($L()"
                            + ".deadLetters()), $L().sagas(), $T.systemUTC()).build()",
                            HandlerWiring.PROJECTION_REGISTRY, n.apply(eventStore), n.apply(stores), n.apply(stores),
                            n.apply(stores), java.time.Clock.class)
                    : CodeBlock.of("registerProjections($T.builder($L(), $L().checkpoints())\n.deadLetters($L()"
                            + ".deadLetters())).build()", HandlerWiring.PROJECTION_REGISTRY, n.apply(eventStore),
                            n.apply(stores), n.apply(stores)),
                    "the projections and sagas (checkpoints and parked events in the stores), not started: a server's entry point starts them; on an "
                            + "event-driven door {@code awaitPosition} catches them up on the calling thread",
                    components(readers));
        }
    }

    private Key bind(Function<Key, Component> provided, Key key, String name, TypeName type,
                     Function<Function<Key, String>, CodeBlock> expression, String doc, List<String> reaches) {
        return bindStatements(provided, key, name, type,
                n -> CodeBlock.builder().addStatement("$T instance = $L", type, expression.apply(n)).build(), doc,
                reaches);
    }

    private Key bindStatements(Function<Key, Component> provided, Key key, String name, TypeName type,
                               Function<Function<Key, String>, CodeBlock> create, String doc, List<String> reaches) {
        Component user = provided.apply(key);
        bindings.put(key, new Binding(name, type, key, user == null ? null : user.id(), create, doc, reaches));
        return key;
    }

    /** @return the event type every handler shares, or {@code null} */
    private TypeMirror eventType() {
        TypeMirror c = wiring.commandEvents();
        TypeMirror p = wiring.projectionEvents();
        if (c != null && p != null && !types.isSameType(c, p)) {
            return c;
        }
        return c != null ? c : p;
    }

    /** @return the concrete classes a sealed event type permits, recursively; {@code null} if it is not sealed */
    private List<TypeElement> concreteEvents(TypeMirror events) {
        if (!(events instanceof DeclaredType d) || !d.getTypeArguments().isEmpty()) {
            return null;
        }
        TypeElement root = (TypeElement) d.asElement();
        if (!root.getModifiers().contains(Modifier.SEALED)) {
            return null;
        }
        List<TypeElement> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private void collect(TypeElement type, List<TypeElement> out) {
        if (type.getKind() != ElementKind.INTERFACE && !type.getModifiers().contains(Modifier.ABSTRACT)) {
            out.add(type);
        }
        for (TypeMirror sub : type.getPermittedSubclasses()) {
            if (sub instanceof DeclaredType d) {
                collect((TypeElement) d.asElement(), out);
            }
        }
    }

    private int retryOnConflict() {
        int max = 0;
        for (Handler h : wiring.handlers(Kind.COMMAND_HANDLER)) {
            Object v = Elements2.value(Elements2.annotation(h.element(), HandlerReader.COMMAND), "retryOnConflict");
            if (v instanceof Integer n) {
                max = Math.max(max, n);
            }
        }
        return max;
    }

    private static List<String> components(List<Handler> handlers) {
        return handlers.stream().map(Handler::component).distinct().toList();
    }

    /** @return the embedded default store: {@code sqlite:.allframe/NAME.db}, NAME from the application class */
    String defaultStore() {
        String name = application.getSimpleName().toString().replaceAll("(Application|App)$", "");
        return "sqlite:.allframe/" + (name.isEmpty() ? "app" : name.toLowerCase(Locale.ROOT)) + ".db";
    }

    /** @return every binding, user-provided or generated, in dependency order */
    List<Binding> bindings() {
        return List.copyOf(bindings.values());
    }

    /**
     * @param key an injection point's key
     * @return the binding that satisfies it, or {@code null}
     */
    Binding binding(Key key) {
        return bindings.get(key);
    }

    /**
     * @param name a binding's generated name ({@code stores}, {@code commandBus}, ...)
     * @param writer the container writer, for the getter of a user component that replaces it
     * @return the container getter that provides it, or {@code null} when the container has none
     */
    String getter(String name, ContainerWriter writer) {
        for (Binding b : bindings.values()) {
            if (b.name().equals(name)) {
                return b.generated() ? b.name() : writer.getterOf(b.user());
            }
        }
        return null;
    }

    /** @return whether the container generates the stores getter, and so needs {@code defaultStore} */
    boolean generatesStores() {
        Binding b = bindings.get(new Key(STORES.canonicalName(), null));
        return b != null && b.generated();
    }
}
