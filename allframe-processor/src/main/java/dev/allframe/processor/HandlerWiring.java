package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.allframe.processor.EntryPoints.Handler;
import dev.allframe.processor.EntryPoints.Kind;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Checks handler methods and projections against the CQRS types, and writes the container's
 * {@code registerCommands}, {@code registerQueries} and {@code registerProjections}. Only active when the CQRS types
 * ({@code dev.allframe.cqrs}, {@code dev.allframe.projection}) are on the compilation's class path; without them
 * handlers still reach {@code graph.json}.
 */
final class HandlerWiring {
    static final String CQRS = "dev.allframe.cqrs";
    static final ClassName COMMAND_BUS = ClassName.get(CQRS, "CommandBus");
    static final ClassName QUERY_BUS = ClassName.get(CQRS, "QueryBus");
    static final ClassName PROJECTION_REGISTRY = ClassName.get("dev.allframe.projection", "ProjectionRegistry");
    static final ClassName CHECKPOINT_STORE = ClassName.get("dev.allframe.projection", "CheckpointStore");
    static final ClassName SAGA_MANAGER = ClassName.get("dev.allframe.saga", "SagaManager");
    static final ClassName SAGA_STORE = ClassName.get("dev.allframe.saga", "SagaStore");
    static final ClassName SNAPSHOT_POLICY = ClassName.get("dev.allframe.snapshot", "SnapshotPolicy");
    static final ClassName VALIDATORS = ClassName.get(CQRS, "Validators");
    /** The annotations that mark a type as carrying constraints: Avaje Validator's and Jakarta Validation's. */
    static final List<String> VALID = List.of("io.avaje.validation.constraints.Valid", "jakarta.validation.Valid");

    private final Types types;
    private final javax.lang.model.util.Elements elements;
    private final Diagnostics diagnostics;
    private final List<Handler> handlers;
    private final String containerPackage;
    private final TypeElement command;
    private final TypeElement query;
    private final TypeElement event;
    private final TypeElement projection;
    private final TypeElement commandException;
    private final TypeElement sagaDefinition;
    private final TypeMirror runtimeException;
    private final TypeMirror error;
    private TypeMirror commandEvents;
    private TypeMirror projectionEvents;

    HandlerWiring(ProcessingEnvironment env, Diagnostics diagnostics, List<Handler> handlers, String containerPackage) {
        this.types = env.getTypeUtils();
        this.diagnostics = diagnostics;
        this.handlers = handlers;
        this.containerPackage = containerPackage;
        this.elements = env.getElementUtils();
        this.command = elements.getTypeElement(CQRS + ".Command");
        this.query = elements.getTypeElement(CQRS + ".Query");
        this.event = elements.getTypeElement(CQRS + ".Event");
        this.commandException = elements.getTypeElement(CQRS + ".CommandException");
        this.projection = elements.getTypeElement("dev.allframe.projection.Projection");
        this.sagaDefinition = elements.getTypeElement("dev.allframe.saga.SagaDefinition");
        this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
        this.error = elements.getTypeElement("java.lang.Error").asType();
    }

    /** @return the common event type of the command handlers, or {@code null}; valid after {@link #check()} */
    TypeMirror commandEvents() {
        return commandEvents;
    }

    /** @return the event type of the projections and sagas, or {@code null}; valid after {@link #check()} */
    TypeMirror projectionEvents() {
        return projectionEvents;
    }

    /**
     * @param kind a kind of handler
     * @return the handlers of that kind, in order
     */
    List<Handler> handlers(Kind kind) {
        return handlers.stream().filter(h -> h.kind() == kind).toList();
    }

    /** @return whether the CQRS types are available, so registrations can be generated */
    boolean available() {
        return command != null && query != null && event != null && projection != null
                && commandException != null && sagaDefinition != null;
    }

    /** Reports handlers that cannot be registered; call before {@link #methods(Function)}. */
    void check() {
        if (!available()) {
            return;
        }
        List<TypeMirror> commandEventTypes = new ArrayList<>();
        for (Handler h : handlers) {
            switch (h.kind()) {
                case QUERY_HANDLER -> checkQuery(h);
                case COMMAND_HANDLER -> {
                    TypeMirror events = checkCommand(h);
                    if (events != null) {
                        commandEventTypes.add(events);
                    }
                }
                case PROJECTION -> checkProjection(h);
                case SAGA -> checkSaga(h);
            }
        }
        if (!commandEventTypes.isEmpty()) {
            commandEvents = common(commandEventTypes);
            if (commandEvents == null) {
                Handler h = handlers.stream().filter(x -> x.kind() == Kind.COMMAND_HANDLER).findFirst().orElseThrow();
                diagnostics.error(h.element(), "BadHandler", "The command handlers return events with no common "
                        + "event type " + commandEventTypes + ": let them return List<YourEvent> of one sealed "
                        + "event interface.");
            }
        }
    }

    /**
     * Reports components injecting {@code CommandRegistrations<X>} when there is no {@code registerCommands} to back
     * it, or it cannot register into a builder of {@code X}; call after {@link #check()}.
     *
     * @param components every component
     */
    void checkRegistrations(List<Model.Component> components) {
        for (Model.Component c : components) {
            for (Model.Dependency d : c.deps()) {
                if (d.kind() == Model.DepKind.COMMANDS) {
                    checkRegistrations(Resolver.site(c, d), d);
                }
            }
        }
    }

    private void checkRegistrations(String site, Model.Dependency d) {
        boolean anyCommand = handlers.stream().anyMatch(h -> h.kind() == Kind.COMMAND_HANDLER);
        if (!available() || !anyCommand || commandEvents == null) {
            diagnostics.error(d.element(), "MissingBinding", "No @HandleCommand handler for " + d.key().type()
                    + ", which " + site + " asks for. Annotate a Decider, "
                    + "CommandHandler or handler method with @HandleCommand, or remove the parameter.");
            return;
        }
        List<? extends TypeMirror> args = ((DeclaredType) d.element().asType()).getTypeArguments();
        if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED
                || !types.isAssignable(commandEvents, args.get(0))) {
            diagnostics.error(d.element(), "BadHandler", "Use CommandRegistrations<" + commandEvents + "> at "
                    + site + ": the command handlers return " + commandEvents + ", which " + d.key().type()
                    + " cannot register.");
        }
    }

    private void checkQuery(Handler h) {
        ExecutableElement m = (ExecutableElement) h.element();
        TypeMirror message = m.getParameters().get(0).asType();
        DeclaredType q = supertype(message, query);
        if (q == null) {
            diagnostics.error(m, "BadHandler", "@HandleQuery parameter " + message + " must implement "
                    + query.getQualifiedName() + "<R>.");
            return;
        }
        TypeMirror result = q.getTypeArguments().isEmpty() ? null : q.getTypeArguments().get(0);
        if (result != null && !types.isAssignable(m.getReturnType(), result)) {
            diagnostics.error(m, "BadHandler", "@HandleQuery method " + where(h) + " returns " + m.getReturnType()
                    + ", but " + message + " is a Query<" + result + ">.");
            return;
        }
        accessible(h, m);
        uncheckedOnly(h, m, null);
    }

    private TypeMirror checkCommand(Handler h) {
        if (h.element() instanceof TypeElement type) {
            return checkCommandClass(type);
        }
        ExecutableElement m = (ExecutableElement) h.element();
        TypeMirror message = m.getParameters().get(0).asType();
        if (!types.isAssignable(message, command.asType())) {
            diagnostics.error(m, "BadHandler", "@HandleCommand parameter " + message + " must implement "
                    + command.getQualifiedName() + ".");
            return null;
        }
        TypeMirror ret = m.getReturnType();
        TypeMirror events = null;
        if (ret.getKind() == TypeKind.DECLARED && ((DeclaredType) ret).getTypeArguments().size() == 1
                && types.erasure(ret).toString().equals("java.util.List")) {
            events = ((DeclaredType) ret).getTypeArguments().get(0);
        }
        if (events == null || events.getKind() != TypeKind.DECLARED
                || !types.isAssignable(events, event.asType())) {
            diagnostics.error(m, "BadHandler", "@HandleCommand method " + where(h) + " must return the events it "
                    + "decides, as java.util.List<E> with E an " + event.getQualifiedName() + "; it returns " + ret
                    + ".");
            return null;
        }
        accessible(h, m);
        uncheckedOnly(h, m, commandException.asType());
        return events;
    }

    /** @return the event type of a {@code Decider<C, S, E>} or {@code CommandHandler<C, E>} class */
    private TypeMirror checkCommandClass(TypeElement type) {
        DeclaredType decider = supertype(type.asType(), elementOf(CQRS + ".Decider"));
        DeclaredType handler = decider != null ? null : supertype(type.asType(), elementOf(CQRS + ".CommandHandler"));
        TypeMirror events = decider != null && decider.getTypeArguments().size() == 3
                ? decider.getTypeArguments().get(2)
                : handler != null && handler.getTypeArguments().size() == 2 ? handler.getTypeArguments().get(1) : null;
        if (events == null || events.getKind() != TypeKind.DECLARED) {
            diagnostics.error(type, "BadHandler", "@HandleCommand class " + type.getQualifiedName() + " must "
                    + "name its event type: implement Decider<C, S, E> or CommandHandler<C, E> with a concrete E.");
            return null;
        }
        return events;
    }

    private TypeElement elementOf(String name) {
        return elements.getTypeElement(name);
    }

    private void checkProjection(Handler h) {
        TypeElement type = (TypeElement) h.element();
        DeclaredType p = supertype(type.asType(), projection);
        if (p == null || p.getTypeArguments().size() != 1) {
            diagnostics.error(type, "BadHandler", "@ProjectionHandler class " + type.getQualifiedName()
                    + " must implement " + projection.getQualifiedName() + "<E>.");
            return;
        }
        projects(h, p.getTypeArguments().get(0), "@ProjectionHandler class " + type.getQualifiedName());
    }

    private void checkSaga(Handler h) {
        ExecutableElement m = (ExecutableElement) h.element();
        TypeMirror ret = m.getReturnType();
        if (ret.getKind() != TypeKind.DECLARED || !((DeclaredType) ret).asElement().equals(sagaDefinition)
                || ((DeclaredType) ret).getTypeArguments().size() != 1) {
            diagnostics.error(m, "BadHandler", "@SagaHandler method " + h.component() + " must return "
                    + sagaDefinition.getQualifiedName() + "<E>; it returns " + ret + ".");
            return;
        }
        projects(h, ((DeclaredType) ret).getTypeArguments().get(0), "@SagaHandler method " + h.component());
    }

    /** Projections and sagas share one registry, so one event type. */
    private void projects(Handler h, TypeMirror e, String what) {
        if (projectionEvents == null) {
            projectionEvents = e;
        } else if (!types.isSameType(projectionEvents, e)) {
            diagnostics.error(h.element(), "BadHandler", what + " reads " + e + ", but another projection or saga "
                    + "reads " + projectionEvents + ": one event type per application.");
        }
    }

    private void accessible(Handler h, ExecutableElement m) {
        if (!m.getModifiers().contains(Modifier.PUBLIC)
                && !ComponentReader.packageOf(m).equals(containerPackage)) {
            diagnostics.error(m, "BadHandler", "Handler method " + where(h) + " is not visible from the "
                    + "container's package " + containerPackage + ": make it public.");
        }
    }

    private void uncheckedOnly(Handler h, ExecutableElement m, TypeMirror allowed) {
        for (TypeMirror t : m.getThrownTypes()) {
            if (!types.isSubtype(t, runtimeException) && !types.isSubtype(t, error)
                    && (allowed == null || !types.isSubtype(t, allowed))) {
                diagnostics.error(m, "BadHandler", "Handler method " + where(h) + " declares " + t + ", which its "
                        + "bus cannot pass on" + (allowed == null ? "" : " (only " + allowed + " and unchecked "
                        + "exceptions)") + ".");
            }
        }
    }

    /** @return the most specific type among the first's supertypes that every type is assignable to */
    private TypeMirror common(List<TypeMirror> all) {
        Deque<TypeMirror> todo = new ArrayDeque<>(List.of(all.get(0)));
        while (!todo.isEmpty()) {
            TypeMirror candidate = todo.removeFirst();
            if (types.isAssignable(candidate, event.asType())
                    && all.stream().allMatch(t -> types.isAssignable(t, candidate))) {
                return candidate;
            }
            todo.addAll(types.directSupertypes(candidate));
        }
        return null;
    }

    private DeclaredType supertype(TypeMirror type, TypeElement target) {
        return HandlerReader.supertype(type, target, types);
    }

    private static String where(Handler h) {
        return h.component() + "." + h.method() + "()";
    }

    /**
     * @param getter component id to the container's getter name
     * @return the container's registration methods; empty without the CQRS types or handlers
     */
    List<MethodSpec> methods(Function<String, String> getter) {
        List<MethodSpec> out = new ArrayList<>();
        if (!available()) {
            return out;
        }
        List<Handler> queries = handlers.stream().filter(h -> h.kind() == Kind.QUERY_HANDLER).toList();
        if (!queries.isEmpty()) {
            MethodSpec.Builder m = MethodSpec.methodBuilder("registerQueries")
                    .addJavadoc("Registers every {@code @HandleQuery} method.\n\n@param builder the query bus "
                            + "builder\n@return the builder\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(QUERY_BUS.nestedClass("Builder"), "builder")
                    .returns(QUERY_BUS.nestedClass("Builder"));
            for (Handler h : queries) {
                m.addStatement("builder.register($T.class, query -> $L().$L(query))", message(h),
                        getter.apply(h.component()), h.method());
            }
            out.add(m.addStatement("return builder").build());
        }
        List<Handler> commands = handlers.stream().filter(h -> h.kind() == Kind.COMMAND_HANDLER).toList();
        if (!commands.isEmpty() && commandEvents != null) {
            MethodSpec.Builder m = MethodSpec.methodBuilder("registerCommands")
                    .addJavadoc("Registers every {@code @HandleCommand} handler, with its snapshot policy, and "
                            + "the declared constraints of every {@code @Valid} command type, checked on every door; "
                            + "{@code CommandRegistrations} calls this.\n\n@param builder a command bus "
                            + "builder for $T or a supertype\n", TypeName.get(commandEvents))
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(ParameterizedTypeName.get(COMMAND_BUS.nestedClass("Builder"),
                            WildcardTypeName.supertypeOf(TypeName.get(commandEvents))), "builder");
            for (Handler h : commands) {
                int snapshotEvery = h.method() == null ? HandlerReader.snapshotEvery(h.element()) : 0;
                if (snapshotEvery > 0) {
                    // The reader checked that it is a Decider whose state is a plain class.
                    TypeMirror state = HandlerReader.stateType(
                            supertype(h.element().asType(), elementOf(HandlerReader.DECIDER)));
                    m.addStatement("builder.register($T.class, $L(), $T.everyNEvents($L), $T.class)", message(h),
                            getter.apply(h.component()), SNAPSHOT_POLICY, snapshotEvery,
                            TypeName.get(types.erasure(state)));
                } else if (h.method() == null) {
                    m.addStatement("builder.register($T.class, $L())", message(h), getter.apply(h.component()));
                } else {
                    // List.copyOf widens List<OrderCreated> to the bus's event type; events are never null.
                    m.addStatement("builder.register($T.class, command -> $T.copyOf($L().$L(command)))", message(h),
                            List.class, getter.apply(h.component()), h.method());
                }
            }
            java.util.Set<String> validated = new java.util.LinkedHashSet<>();
            for (Handler h : commands) {
                TypeElement root = messageElement(h);
                if (root != null) {
                    for (TypeElement t : constrained(root, new ArrayList<>())) {
                        if (validated.add(t.getQualifiedName().toString())) {
                            com.palantir.javapoet.CodeBlock checks = ConstraintChecks.of(t);
                            if (checks != null) {
                                // Plain checks generated here: no validation library bootstraps on a cold start.
                                m.addStatement("builder.validator($T.class, $L)", ClassName.get(t), checks);
                            } else {
                                m.addStatement("builder.validator($T.class, $T.constraints())", ClassName.get(t),
                                        VALIDATORS);
                            }
                        }
                    }
                }
            }
            out.add(m.build());
        }
        List<Handler> projections = handlers.stream().filter(h -> h.kind() == Kind.PROJECTION).toList();
        List<Handler> sagas = handlers.stream().filter(h -> h.kind() == Kind.SAGA).toList();
        if ((!projections.isEmpty() || !sagas.isEmpty()) && projectionEvents != null) {
            TypeName events = TypeName.get(projectionEvents);
            TypeName builder = ParameterizedTypeName.get(PROJECTION_REGISTRY.nestedClass("Builder"), events);
            MethodSpec.Builder m = MethodSpec.methodBuilder("registerProjections")
                    .addJavadoc("Registers every {@code @ProjectionHandler} and {@code @SagaHandler} under its name."
                            + "\n\n@param builder the projection registry builder\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(builder, "builder")
                    .returns(builder);
            if (!sagas.isEmpty()) {
                m.addJavadoc("@param sagas where saga state is kept\n@param clock the sagas' clock, for timeouts\n")
                        .addParameter(SAGA_STORE, "sagas")
                        .addParameter(java.time.Clock.class, "clock");
            }
            m.addJavadoc("@return the builder\n");
            for (Handler h : projections) {
                if (Boolean.TRUE.equals(Elements2.value(Elements2.annotation(h.element(), HandlerReader.PROJECTION),
                        "inMemory"))) {
                    m.addStatement("builder.register($S, $L(), $T.PARK, $T.inMemory())", h.messageType(),
                            getter.apply(h.component()), ClassName.get("dev.allframe.projection", "FailurePolicy"),
                            CHECKPOINT_STORE);
                } else {
                    m.addStatement("builder.register($S, $L())", h.messageType(), getter.apply(h.component()));
                }
            }
            for (Handler h : sagas) {
                String local = h.method() + "Saga";
                m.addStatement("$T<$T> $L = $T.create($L(), sagas, clock)", SAGA_MANAGER, events, local,
                        SAGA_MANAGER, getter.apply(h.component()));
                m.beginControlFlow("if (!$L.name().equals($S))", local, h.messageType())
                        .addStatement("throw new $T($S + $L.name() + $S)", IllegalStateException.class,
                                "@SagaHandler(\"" + h.messageType() + "\") on " + h.component() + " created saga '",
                                local, "': give both the same name")
                        .endControlFlow();
                m.addStatement("builder.register($S, $L)", h.messageType(), local);
            }
            out.add(m.addStatement("return builder").build());
        }
        return out;
    }

    private TypeElement messageElement(Handler h) {
        if (h.element() instanceof TypeElement) {
            return elements.getTypeElement(h.messageType());
        }
        TypeMirror param = types.erasure(((ExecutableElement) h.element()).getParameters().get(0).asType());
        return param instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }

    /**
     * @param type a command type
     * @param out where to add
     * @return {@code type} and the subtypes a sealed {@code type} permits, recursively, that are marked
     *         {@code @Valid} (their validators are generated by Avaje Validator's processor)
     */
    private List<TypeElement> constrained(TypeElement type, List<TypeElement> out) {
        for (var a : type.getAnnotationMirrors()) {
            if (VALID.contains(((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString())) {
                out.add(type);
                break;
            }
        }
        for (TypeMirror sub : type.getPermittedSubclasses()) {
            if (sub instanceof DeclaredType d) {
                constrained((TypeElement) d.asElement(), out);
            }
        }
        return out;
    }

    private TypeName message(Handler h) {
        if (h.element() instanceof TypeElement) {
            return ClassName.bestGuess(h.messageType());
        }
        return TypeName.get(types.erasure(((ExecutableElement) h.element()).getParameters().get(0).asType()));
    }
}
