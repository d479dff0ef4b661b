package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.Controller;
import dev.allframe.processor.Model.Dependency;
import dev.allframe.processor.Model.EnvBinding;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the application's container: environment values read and checked in the constructor, one lazy getter per
 * component, the router of every controller, and close in reverse creation order.
 */
final class ContainerWriter {
    static final ClassName CONTAINER = ClassName.get(Names.INJECT_PKG, "Container");
    static final ClassName CONTAINER_FACTORY = ClassName.get(Names.INJECT_PKG, "ContainerFactory");
    static final ClassName ENVIRONMENT = ClassName.get(Names.INJECT_PKG, "Environment");
    static final ClassName ENV_READER = ClassName.get(Names.INJECT_PKG, "EnvReader");
    static final ClassName ENV = ClassName.get(Names.INJECT_PKG, "Env");
    static final ClassName LIFECYCLE = ClassName.get(Names.INJECT_PKG, "Lifecycle");

    private static final Set<String> RESERVED = Set.of("create", "router", "environment", "close", "registerRoutes",
            "lifecycle", "lock", "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait",
            "clone", "finalize");

    private final HandlerWiring wiring;
    private final RuntimeWiring runtime;
    private final Types types;
    private final TypeMirror runtimeException;
    private final TypeMirror error;
    private final ClassName self;
    private final TypeElement application;
    private final List<Component> components;
    private final Map<Dependency, Component> resolved;
    private final Resolver resolver;
    private final List<Controller> controllers;
    private final Map<String, String> getters = new HashMap<>();
    /** Environment bindings by (name, type, default), to the field holding the value. */
    private final Map<String, String> envFields = new LinkedHashMap<>();
    private final Map<String, EnvBinding> envBindings = new LinkedHashMap<>();

    ContainerWriter(ProcessingEnvironment env, ClassName self, TypeElement application, List<Component> components,
                    Map<Dependency, Component> resolved, Resolver resolver, List<Controller> controllers,
                    HandlerWiring wiring, RuntimeWiring runtime) {
        this.wiring = wiring;
        this.runtime = runtime;
        this.types = env.getTypeUtils();
        this.runtimeException = env.getElementUtils().getTypeElement("java.lang.RuntimeException").asType();
        this.error = env.getElementUtils().getTypeElement("java.lang.Error").asType();
        this.self = self;
        this.application = application;
        this.components = components;
        this.resolved = resolved;
        this.resolver = resolver;
        this.controllers = controllers;
        Set<String> used = new HashSet<>(RESERVED);
        for (RuntimeWiring.Binding b : runtime.bindings()) {
            if (b.generated()) {
                used.add(b.name());
            }
        }
        for (Component c : components) {
            String base = c.isProvides() ? c.creator().getSimpleName().toString()
                    : decapitalize(((TypeElement) c.element()).getSimpleName().toString());
            if (SourceVersion.isKeyword(base)) {
                base = base + "Component";
            }
            getters.put(c.id(), RoutesWriter.unique(base, used));
        }
        for (Component c : components) {
            for (Dependency d : c.deps()) {
                if (d.env() != null) {
                    String k = envKey(d.env());
                    if (!envFields.containsKey(k)) {
                        envFields.put(k, RoutesWriter.unique("env" + camel(d.env().name()), used));
                        envBindings.put(k, d.env());
                    }
                }
            }
        }
    }

    JavaFile write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("The container of {@link $T}, generated from its components' annotations.\n\n"
                        + "<p>Create it with {@link #create()}; getters create components on first use, in\n"
                        + "dependency order; {@link #close()} closes them in reverse creation order. Thread-safe.\n",
                        ClassName.get(application))
                .addAnnotation(Generation.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(CONTAINER)
                .addOriginatingElement(application);
        components.forEach(c -> type.addOriginatingElement(c.element()));
        type.addField(FieldSpec.builder(ENVIRONMENT, "environment", Modifier.PRIVATE, Modifier.FINAL).build());
        type.addField(FieldSpec.builder(LIFECYCLE, "lifecycle", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", LIFECYCLE).build());
        type.addField(FieldSpec.builder(ReentrantLock.class, "lock", Modifier.PRIVATE, Modifier.FINAL)
                .initializer("new $T()", ReentrantLock.class).build());
        envFields.forEach((k, field) -> type.addField(TypeName.get(envBindings.get(k).type()), field,
                Modifier.PRIVATE, Modifier.FINAL));
        for (Component c : components) {
            if (c.singleton()) {
                type.addField(TypeName.get(c.type()), getters.get(c.id()), Modifier.PRIVATE, Modifier.VOLATILE);
            }
        }
        for (RuntimeWiring.Binding b : runtime.bindings()) {
            if (b.generated()) {
                type.addField(b.type(), b.name(), Modifier.PRIVATE, Modifier.VOLATILE);
            }
        }
        if (!controllers.isEmpty()) {
            type.addField(RoutesWriter.ROUTER, "router", Modifier.PRIVATE, Modifier.VOLATILE);
        }
        type.addMethod(constructor());
        type.addMethod(MethodSpec.methodBuilder("create")
                .addJavadoc("@return a container reading the process environment\n"
                        + "@throws $T naming every missing or malformed environment variable\n",
                        ClassName.get(Names.INJECT_PKG, "ConfigurationException"))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(self)
                .addStatement("return new $T($T.system())", self, ENVIRONMENT)
                .build());
        type.addMethod(MethodSpec.methodBuilder("create")
                .addJavadoc("@param environment where {@code @Env} values come from\n@return a container\n"
                        + "@throws $T naming every missing or malformed environment variable\n",
                        ClassName.get(Names.INJECT_PKG, "ConfigurationException"))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(ENVIRONMENT, "environment")
                .returns(self)
                .addStatement("return new $T(environment)", self)
                .build());
        for (Component c : components) {
            type.addMethod(getter(c));
            type.addMethod(creator(c));
        }
        for (RuntimeWiring.Binding b : runtime.bindings()) {
            if (b.generated()) {
                type.addMethod(lazyGetter(b.name(), b.type(), CodeBlock.of("@return " + b.doc()
                        + "; created on first call (a {@code @Provides} method of this type replaces it)\n")));
                type.addMethod(MethodSpec.methodBuilder("new" + RoutesWriter.capitalize(b.name()))
                        .addModifiers(Modifier.PRIVATE)
                        .returns(b.type())
                        .addStatement("lifecycle.ensureOpen()")
                        .addCode(b.create().apply(this::runtimeGetter))
                        .addStatement("return lifecycle.register(instance)")
                        .build());
            }
        }
        if (runtime.generatesStores()) {
            type.addMethod(MethodSpec.methodBuilder("defaultStore")
                    .addJavadoc("@param environment the environment\n@return the store when neither {@code "
                            + "ALLFRAME_STORE} nor {@code EVENT_TABLE} is set: in memory on AWS Lambda (a file there "
                            + "would live\nonly as long as one execution environment), else the embedded SQLite "
                            + "file\n")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(ENVIRONMENT, "environment")
                    .returns(String.class)
                    .addStatement("return environment.get($S) == null ? $S : $S", "AWS_LAMBDA_FUNCTION_NAME",
                            runtime.defaultStore(), "memory:")
                    .build());
        }
        type.addMethod(router());
        type.addMethods(wiring.methods(getters::get));
        type.addMethod(registerRoutes());
        type.addMethod(MethodSpec.methodBuilder("environment")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ENVIRONMENT)
                .addStatement("return environment")
                .build());
        type.addMethod(MethodSpec.methodBuilder("close")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("lifecycle.close()")
                .build());
        type.addType(TypeSpec.classBuilder("Factory")
                .addJavadoc("Creates this container for {@link $T#load()}.\n", CONTAINER)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(CONTAINER_FACTORY)
                .addMethod(MethodSpec.constructorBuilder().addJavadoc("For {@link java.util.ServiceLoader}.\n")
                        .addModifiers(Modifier.PUBLIC).build())
                .addMethod(MethodSpec.methodBuilder("create")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ENVIRONMENT, "environment")
                        .returns(CONTAINER)
                        .addStatement("return $T.create(environment)", self)
                        .build())
                .build());
        return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private MethodSpec constructor() {
        MethodSpec.Builder m = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(ENVIRONMENT, "environment")
                .addStatement("this.environment = $T.requireNonNull(environment, $S)", Objects.class, "environment");
        if (!envFields.isEmpty()) {
            m.addComment("Every variable is read now, so one start-up error lists all that are missing or malformed.");
            m.addStatement("$T env = $T.of(environment)", ENV_READER, ENV_READER);
            envFields.forEach((k, field) -> m.addStatement("this.$L = $L", field, readEnv(envBindings.get(k))));
            m.addStatement("env.check()");
        }
        return m.build();
    }

    private static CodeBlock readEnv(EnvBinding b) {
        CodeBlock dflt = b.defaultValue() == null ? CodeBlock.of("$T.REQUIRED", ENV) : CodeBlock.of("$S", b.defaultValue());
        return switch (b.conversion()) {
            case STRING -> CodeBlock.of("env.string($S, $L)", b.name(), dflt);
            case OPTIONAL_STRING -> CodeBlock.of("env.optional($S)", b.name());
            case INT -> CodeBlock.of("env.intValue($S, $L)", b.name(), dflt);
            case LONG -> CodeBlock.of("env.longValue($S, $L)", b.name(), dflt);
            case DOUBLE -> CodeBlock.of("env.doubleValue($S, $L)", b.name(), dflt);
            case BOOLEAN -> CodeBlock.of("env.booleanValue($S, $L)", b.name(), dflt);
            case DURATION -> CodeBlock.of("env.duration($S, $L)", b.name(), dflt);
            case ENUM -> CodeBlock.of("env.value($S, $L, $T::valueOf, $S, null)", b.name(), dflt,
                    TypeName.get(b.type()), Conversions.expected(b.conversion(), b.type()));
            case UUID -> throw new IllegalStateException("UUID is not an @Env type");
        };
    }

    private MethodSpec getter(Component c) {
        String name = getters.get(c.id());
        TypeName t = TypeName.get(c.type());
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(t);
        String create = "new" + RoutesWriter.capitalize(name);
        if (!c.singleton()) {
            return m.addJavadoc("@return a new {@link $T} (not a singleton: each call creates one)\n", t)
                    .addStatement("return $L()", create)
                    .build();
        }
        return lazyGetter(name, t, CodeBlock.of("@return the {@link $T}, created on first call\n", t));
    }

    private MethodSpec lazyGetter(String name, TypeName t, CodeBlock javadoc) {
        String create = "new" + RoutesWriter.capitalize(name);
        return MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .returns(t)
                .addJavadoc(javadoc)
                .addStatement("$T instance = $L", t, name)
                .beginControlFlow("if (instance == null)")
                .addStatement("lock.lock()")
                .beginControlFlow("try")
                .addStatement("instance = $L", name)
                .beginControlFlow("if (instance == null)")
                .addStatement("instance = $L()", create)
                .addStatement("$L = instance", name)
                .endControlFlow()
                .nextControlFlow("finally")
                .addStatement("lock.unlock()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return instance")
                .build();
    }

    private MethodSpec creator(Component c) {
        String name = getters.get(c.id());
        TypeName t = TypeName.get(c.type());
        MethodSpec.Builder m = MethodSpec.methodBuilder("new" + RoutesWriter.capitalize(name))
                .addModifiers(Modifier.PRIVATE)
                .returns(t)
                .addStatement("lifecycle.ensureOpen()");
        CodeBlock args = arguments(c);
        CodeBlock create;
        if (c.isProvides()) {
            Component factory = resolver.factoryOf(c);
            CodeBlock target = factory == null ? CodeBlock.of("$T", ClassName.get((TypeElement) c.element()
                    .getEnclosingElement())) : CodeBlock.of("$L()", getters.get(factory.id()));
            create = CodeBlock.of("$T.requireNonNull($L.$L($L), $S)", Objects.class, target,
                    c.creator().getSimpleName(), args, "@Provides method " + c.id() + " returned null");
        } else {
            create = CodeBlock.of("new $T($L)", t, args);
        }
        if (throwsChecked(c)) {
            m.addStatement("$T instance", t)
                    .beginControlFlow("try")
                    .addStatement("instance = $L", create)
                    .nextControlFlow("catch ($T e)", RuntimeException.class)
                    .addStatement("throw e")
                    .nextControlFlow("catch ($T e)", Exception.class)
                    .addStatement("throw $T.creationFailed($S, e)", LIFECYCLE, c.id())
                    .endControlFlow();
        } else {
            m.addStatement("$T instance = $L", t, create);
        }
        if (c.initMethods().isEmpty()) {
            m.addStatement("return lifecycle.register(instance)");
        } else {
            CodeBlock.Builder hooks = CodeBlock.builder();
            if (c.initMethods().size() == 1) {
                hooks.add("$T::$L", t, c.initMethods().get(0));
            } else {
                hooks.add("c -> {");
                c.initMethods().forEach(i -> hooks.add(" c.$L();", i));
                hooks.add(" }");
            }
            m.addStatement("return lifecycle.initialize(instance, $L)", hooks.build());
        }
        return m.build();
    }

    /** @return whether the constructor or method declares checked exceptions, which the getter must not */
    private boolean throwsChecked(Component c) {
        for (var thrown : c.creator().getThrownTypes()) {
            if (!types.isSubtype(thrown, runtimeException) && !types.isSubtype(thrown, error)) {
                return true;
            }
        }
        return false;
    }

    private CodeBlock arguments(Component c) {
        List<CodeBlock> args = new ArrayList<>();
        for (Dependency d : c.deps()) {
            args.add(switch (d.kind()) {
                case INSTANCE -> CodeBlock.of("$L()", dependencyGetter(d));
                case PROVIDER -> CodeBlock.of("this::$L", dependencyGetter(d));
                case ENV -> CodeBlock.of("$L", envFields.get(envKey(d.env())));
                case ENVIRONMENT -> CodeBlock.of("environment");
                case COMMANDS -> CodeBlock.of("this::registerCommands");
            });
        }
        return CodeBlock.join(args, ", ");
    }

    private MethodSpec router() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("router")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(RoutesWriter.ROUTER);
        if (controllers.isEmpty()) {
            return m.addStatement("throw new $T($S)", IllegalStateException.class, ClassName.get(application)
                    + " has no @Get, @Post, @Put, @Delete or @Patch routes").build();
        }
        return m.addJavadoc("@return the router of every annotated controller$L, built on first call\n",
                        runtime.getter("commandBus", this) == null ? ""
                                : " (command failures answered as problems: {@code CommandProblems})")
                .addStatement("$T r = router", RoutesWriter.ROUTER)
                .beginControlFlow("if (r == null)")
                .addStatement("lock.lock()")
                .beginControlFlow("try")
                .addStatement("r = router")
                .beginControlFlow("if (r == null)")
                .addStatement(runtime.getter("commandBus", this) == null
                        ? CodeBlock.of("r = registerRoutes($T.builder()).build()", RoutesWriter.ROUTER)
                        : CodeBlock.of("r = registerRoutes($T.register($T.builder())).build()",
                                ClassName.get(HandlerWiring.CQRS, "CommandProblems"), RoutesWriter.ROUTER))
                .addStatement("router = r")
                .endControlFlow()
                .nextControlFlow("finally")
                .addStatement("lock.unlock()")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return r")
                .build();
    }

    private MethodSpec registerRoutes() {
        MethodSpec.Builder m = MethodSpec.methodBuilder("registerRoutes")
                .addJavadoc("Registers every annotated route, for a router with your own filters and error "
                        + "handlers.\n\n@param builder the router builder\n@return the builder\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(RoutesWriter.BUILDER, "builder")
                .returns(RoutesWriter.BUILDER);
        for (Controller c : controllers) {
            m.addStatement("new $T($L()).register(builder)", RoutesWriter.routesClass(c),
                    getters.get(c.type().getQualifiedName().toString()));
        }
        return m.addStatement("return builder").build();
    }

    /** @return the getter of a component, or of the runtime binding that satisfies the dependency */
    private String dependencyGetter(Dependency d) {
        Component c = resolved.get(d);
        return c != null ? getters.get(c.id()) : runtimeGetter(d.key());
    }

    private String runtimeGetter(Model.Key key) {
        RuntimeWiring.Binding b = runtime.binding(key);
        return b.generated() ? b.name() : getters.get(b.user());
    }

    String getterOf(String componentId) {
        return getters.get(componentId);
    }

    private static String envKey(EnvBinding b) {
        return b.name() + "|" + b.type() + "|" + b.defaultValue();
    }

    static String decapitalize(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String camel(String envName) {
        StringBuilder sb = new StringBuilder();
        for (String part : envName.toLowerCase().split("[^a-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.isEmpty() ? "Value" : sb.toString();
    }
}
