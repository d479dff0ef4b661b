package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes one AWS Lambda handler class per {@code @LambdaFunction} (principle 6: the user writes no entry point). The
 * class extends {@code AllFrameHandler}: HTTP through the container's router, and, when the function subscribes to
 * anything or has no HTTP door, the event sources (generated event routes, the container's command bus with
 * idempotency from its stores, the projections for a DynamoDB stream, an {@code S3Handler} component). Suppliers are
 * named nested classes, not lambdas: nothing is spun at run time during a cold start. Projections are never started
 * here: on Lambda a read catches them up on the invoking thread.
 */
final class LambdaWriter {
    static final ClassName HANDLER = ClassName.get("dev.allframe.lambda", "AllFrameHandler");
    static final ClassName EVENT_SOURCES = ClassName.get("dev.allframe.lambda.events", "EventSources");
    static final String S3_HANDLER = "dev.allframe.lambda.events.S3Handler";

    /**
     * What a function's handler needs.
     *
     * @param type the generated class
     * @param function the function's name
     * @param root the class carrying {@code @LambdaFunction}
     * @param events whether it serves event sources
     */
    record Function(ClassName type, String function, TypeElement root, boolean events) {
    }

    /**
     * The container getters the event sources use; {@code null} where the container has none.
     *
     * @param routes the generated event routes class, or {@code null}
     * @param commandBus the command bus getter
     * @param stores the stores getter
     * @param eventStore the event store getter
     * @param projections the projection registry getter
     * @param s3 the getter of a component implementing {@code S3Handler}
     * @param router whether the container has a router (else the function answers HTTP with 404s)
     */
    record Getters(ClassName routes, String commandBus, String stores, String eventStore, String projections,
                   String s3, boolean router) {
    }

    private LambdaWriter() {
    }

    /**
     * @param name a function name such as {@code orders-http}
     * @param pkg the package
     * @return its handler class, {@code OrdersHttpLambda}
     */
    static ClassName className(String name, String pkg) {
        return ClassName.get(pkg, ContainerWriter.camel(name) + "Lambda");
    }

    static JavaFile write(Function f, ClassName container, Getters g) {
        TypeSpec.Builder type = TypeSpec.classBuilder(f.type())
                .addJavadoc("The {@code $L} function's handler, generated from {@code @LambdaFunction} on {@link $T}: "
                        + "set it as the function's\nhandler (the generated {@code infra.json} and Terraform do). "
                        + "HTTP goes through the container's router$L.\nThe container is created once per execution "
                        + "environment, in the init phase; projections catch up on the\ninvoking thread.\n",
                        f.function(), ClassName.get(f.root()), f.events() ? "; SQS, SNS, EventBridge, DynamoDB "
                                + "Streams and S3 events\nthrough its event sources" : "")
                .addAnnotation(Generation.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(HANDLER)
                .addOriginatingElement(f.root())
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Called by the Lambda runtime; the container reads the process environment.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("this($T.create())", container)
                        .build());
        MethodSpec.Builder withContainer = MethodSpec.constructorBuilder()
                .addJavadoc("@param app the container to serve, for tests and the custom runtime\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(container, "app");
        if (f.events()) {
            withContainer.addStatement("super(new Application(app), new Events(app))");
        } else {
            withContainer.addStatement("super(new Application(app))");
        }
        type.addMethod(withContainer.build());
        type.addType(supplier("Application", "The router.", container, RoutesWriter.ROUTER, g.router()
                ? CodeBlock.of("return app.router()") : CodeBlock.of("return $T.builder().build()",
                        RoutesWriter.ROUTER)));
        if (f.events()) {
            CodeBlock.Builder build = CodeBlock.builder().add("return $T.builder()", EVENT_SOURCES);
            if (g.routes() != null) {
                build.add("\n.routes($T.routes())", g.routes());
            }
            if (g.commandBus() != null) {
                build.add("\n.commandBus(app.$L())", g.commandBus());
            }
            if (g.stores() != null) {
                build.add("\n.idempotency(app.$L().idempotency())", g.stores());
            }
            if (g.eventStore() != null && g.projections() != null) {
                build.add("\n.projections(app.$L(), app.$L())", g.eventStore(), g.projections());
            }
            if (g.s3() != null) {
                build.add("\n.s3(app.$L())", g.s3());
            }
            type.addType(supplier("Events", "The event sources.", container, EVENT_SOURCES,
                    build.add("\n.build()").build()));
        }
        return JavaFile.builder(f.type().packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private static TypeSpec supplier(String name, String doc, ClassName container, ClassName supplied,
                                     CodeBlock body) {
        return TypeSpec.classBuilder(name)
                .addJavadoc(doc + " A named class, not a lambda: no class is spun at run time in a cold start.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(ClassName.get(Supplier.class), supplied))
                .addField(FieldSpec.builder(container, "app", Modifier.PRIVATE, Modifier.FINAL).build())
                .addMethod(MethodSpec.constructorBuilder().addParameter(container, "app")
                        .addStatement("this.app = app").build())
                .addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(supplied).addStatement(body).build())
                .build();
    }

    /** @return the functions whose handler class is generated: java21, no explicit {@code handler} */
    static List<Function> functions(InfraReader infra, String pkg, javax.lang.model.util.Elements elements) {
        if (elements.getTypeElement(HANDLER.canonicalName()) == null) {
            return List.of();
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        return infra.deployables.stream()
                .filter(d -> d.kind().equals(InfraReader.LAMBDA))
                .filter(d -> !d.constant("runtime").equals("PROVIDED_AL2023"))
                .filter(d -> d.string("handler").isEmpty())
                .filter(d -> d.element() instanceof TypeElement t && elements.getAllMembers(t).stream()
                        .noneMatch(m -> m.getSimpleName().contentEquals("handleRequest")))
                .filter(d -> names.add(d.string("name")))
                .map(d -> {
                    TypeElement root = (TypeElement) d.element();
                    boolean subscribes = infra.subscribes.stream().anyMatch(s -> s.element().equals(root));
                    return new Function(className(d.string("name"), pkg), d.string("name"), root,
                            subscribes || d.constant("http").equals("NONE"));
                })
                .toList();
    }
}
