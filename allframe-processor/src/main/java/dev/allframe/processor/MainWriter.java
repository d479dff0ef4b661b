package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;

import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import java.util.Map;

/**
 * Writes {@code <App>Main}, the entry point of a server, a Cloud Run container and {@code allframe dev} (principle
 * 6): the container from the process environment, projections caught up and then followed live, the router on
 * {@code PORT} with a readiness check of the stores and projections, the local event endpoints under
 * {@code ALLFRAME_DEV=1} (through the generated events handler, when there is one), graceful shutdown on SIGTERM
 * closing the container. Only written when {@code allframe-server} is on the class path.
 */
final class MainWriter {
    static final ClassName HTTP_SERVER = ClassName.get("dev.allframe.server", "HttpServer");
    static final ClassName HEALTH_CHECK = ClassName.get("dev.allframe.health", "HealthCheck");
    static final ClassName HEALTH_CHECKS = ClassName.get("dev.allframe.health", "HealthChecks");
    static final ClassName PROJECTION_STATUS = ClassName.get("dev.allframe.projection", "ProjectionStatus");
    static final ClassName LOCAL_EVENTS = ClassName.get("dev.allframe.lambda.local", "LocalEventsRoutes");

    private MainWriter() {
    }

    /**
     * @param app the application class
     * @param container the container
     * @param stores the container's stores getter, or {@code null}
     * @param projections the container's projection registry getter, or {@code null}
     * @param events the generated events handler for the development endpoints, or {@code null}
     * @param router whether the container has a router
     * @return the file
     */
    static JavaFile write(TypeElement app, ClassName container, String stores, String projections,
                          ClassName events, boolean router) {
        ClassName self = ClassName.get(container.packageName(), app.getSimpleName() + "Main");
        TypeName env = ParameterizedTypeName.get(Map.class, String.class, String.class);
        MethodSpec.Builder start = MethodSpec.methodBuilder("start")
                .addJavadoc("Starts the service on a container: what {@link #main} does, without waiting.\n\n"
                        + "@param app the container; closed when the server shuts down\n"
                        + "@param environment {@code PORT} and the server's other settings\n"
                        + "@return the running server\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(container, "app")
                .addParameter(env, "environment")
                .returns(HTTP_SERVER);
        if (projections != null) {
            start.addComment("Caught up before serving, so the first read after a restart sees every event; then live.")
                    .addStatement("app.$L().catchUp()", projections)
                    .addStatement("app.$L().start()", projections);
        }
        start.addCode("return $T.fromEnvironment(environment)\n", HTTP_SERVER)
                .addCode("        .router($L)\n", router ? CodeBlock.of("app.router()")
                        : CodeBlock.of("$T.builder().build()", RoutesWriter.ROUTER));
        if (stores != null) {
            start.addCode("        .health($T.builder().readiness($S, new Readiness(app)).build())\n", HEALTH_CHECKS,
                    "application");
        }
        if (events != null) {
            start.addCode("        // Development mode only (ALLFRAME_DEV=1); outside it no Lambda class is loaded.\n")
                    .addCode("        .devRoutes(new DevRoutes(app))\n");
        }
        start.addCode("        .onShutdown(app)\n        .handleSignals(true)\n        .build()\n        .start();\n");

        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("Runs {@link $T} as an HTTP service: on a laptop ({@code allframe dev}), a VM or Cloud Run. "
                        + "Generated;\nset it as the jar's {@code Main-Class}. HTTP/1.1 and HTTP/2 on {@code PORT} "
                        + "(default 8080); SIGTERM drains\nin-flight requests, closes the container and exits 0.\n",
                        ClassName.get(app))
                .addAnnotation(Generation.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(app)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("main")
                        .addJavadoc("@param args ignored; configuration comes from the environment\n"
                                + "@throws InterruptedException if interrupted while serving\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(String[].class, "args")
                        .addException(InterruptedException.class)
                        .addStatement("start($T.create(), System.getenv()).awaitTermination()", container)
                        .build())
                .addMethod(start.build());
        if (stores != null) {
            CodeBlock.Builder check = CodeBlock.builder()
                    .addStatement("app.$L().events().version($S)", stores, "health-probe");
            if (projections != null) {
                check.beginControlFlow("for ($T s : app.$L().statuses())", PROJECTION_STATUS, projections)
                        .beginControlFlow("if (s.state() == $T.State.FAILED)", PROJECTION_STATUS)
                        .addStatement("return $T.Result.down(s.name() + $S + s.failedAt() + $S + s.error())",
                                HEALTH_CHECK, " stopped at global position ", ": ")
                        .endControlFlow()
                        .endControlFlow();
            }
            check.addStatement("return $T.Result.up(app.$L().url())", HEALTH_CHECK, stores);
            type.addType(TypeSpec.classBuilder("Readiness")
                    .addJavadoc("Ready when the event store answers and no projection is stopped by a failure.\n")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addSuperinterface(HEALTH_CHECK)
                    .addField(FieldSpec.builder(container, "app", Modifier.PRIVATE, Modifier.FINAL).build())
                    .addMethod(MethodSpec.constructorBuilder().addParameter(container, "app")
                            .addStatement("this.app = app").build())
                    .addMethod(MethodSpec.methodBuilder("check").addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC).returns(HEALTH_CHECK.nestedClass("Result"))
                            .addCode(check.build()).build())
                    .build());
        }
        if (events != null) {
            TypeName consumer = ParameterizedTypeName.get(ClassName.get(java.util.function.Consumer.class),
                    RoutesWriter.BUILDER);
            type.addType(TypeSpec.classBuilder("DevRoutes")
                    .addJavadoc("The local event endpoints ({@code POST /_allframe/events...}) through the same "
                            + "handler as on Lambda.\n")
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addSuperinterface(consumer)
                    .addField(FieldSpec.builder(container, "app", Modifier.PRIVATE, Modifier.FINAL).build())
                    .addMethod(MethodSpec.constructorBuilder().addParameter(container, "app")
                            .addStatement("this.app = app").build())
                    .addMethod(MethodSpec.methodBuilder("accept").addAnnotation(Override.class)
                            .addModifiers(Modifier.PUBLIC).addParameter(RoutesWriter.BUILDER, "routes")
                            .addStatement(stores == null
                                    ? CodeBlock.of("$T.register(routes, new $T(app))", LOCAL_EVENTS, events)
                                    : CodeBlock.of("$T.register(routes, new $T(app), app.$L().events())",
                                            LOCAL_EVENTS, events, stores))
                            .build())
                    .build());
        }
        return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).build();
    }
}
