package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.allframe.processor.Model.Controller;
import dev.allframe.processor.Model.Route;
import dev.allframe.processor.Model.RouteParam;
import dev.allframe.processor.Model.Source;

import javax.lang.model.element.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Writes {@code <Controller>$Routes}: one {@code register(Router.Builder)} and one small named handler class per
 * route. Named classes rather than method references: each method reference is a hidden class the JVM spins through
 * {@code LambdaMetafactory} at its first use, which costs a Lambda cold start time and which no AppCDS archive can
 * hold when the runtime's own class loader loads the function; a nested class is read from the jar like any other.
 */
final class RoutesWriter {
    static final ClassName ROUTER = ClassName.get(Names.HTTP_PKG, "Router");
    static final ClassName BUILDER = ROUTER.nestedClass("Builder");
    static final ClassName REQUEST = ClassName.get(Names.HTTP_PKG, "Request");
    static final ClassName RESPONSE = ClassName.get(Names.HTTP_PKG, "Response");
    static final ClassName HANDLER = ClassName.get(Names.HTTP_PKG, "Handler");
    static final ClassName HTTP_METHOD = ClassName.get(Names.HTTP_PKG, "HttpMethod");
    static final ClassName PARAMS = ClassName.get(Names.ROUTE_PKG, "Params");

    private RoutesWriter() {
    }

    static ClassName routesClass(Controller c) {
        ClassName controller = ClassName.get(c.type());
        return ClassName.get(controller.packageName(), String.join("$", controller.simpleNames()) + "$Routes");
    }

    static JavaFile write(Controller c) {
        ClassName controller = ClassName.get(c.type());
        ClassName self = routesClass(c);
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addJavadoc("The routes of {@link $T}, registered on a {@link $T}.\n", controller, BUILDER)
                .addAnnotation(Generation.generated())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(c.type())
                .addField(controller, "controller", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("@param controller the instance whose methods handle the routes\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(controller, "controller")
                        .addStatement("this.controller = $T.requireNonNull(controller, $S)", Objects.class,
                                "controller")
                        .build());
        MethodSpec.Builder register = MethodSpec.methodBuilder("register")
                .addJavadoc("Registers every annotated route of the controller.\n\n"
                        + "@param builder the router builder\n@return the builder\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(BUILDER, "builder")
                .returns(BUILDER);
        Set<String> used = new HashSet<>();
        List<TypeSpec> handlers = new ArrayList<>();
        for (Route r : c.routes()) {
            String name = unique("Handle" + capitalize(r.method().getSimpleName().toString()), used);
            register.addStatement("builder.route($T.$L, $S, new $L(controller))", HTTP_METHOD, r.httpMethod(),
                    r.template(), name);
            handlers.add(handler(controller, r, name));
        }
        // The file reads as an outline: the route table first, then one small handler per route.
        type.addMethod(register.addStatement("return builder").build());
        for (TypeSpec h : handlers) {
            type.addType(h);
        }
        return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).build();
    }

    private static TypeSpec handler(ClassName controller, Route r, String name) {
        MethodSpec.Builder m = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(REQUEST, "request")
                .returns(RESPONSE)
                .addException(Exception.class);
        CodeBlock.Builder args = CodeBlock.builder();
        for (int i = 0; i < r.params().size(); i++) {
            RouteParam p = r.params().get(i);
            String local = p.source() == Source.REQUEST ? "request"
                    : p.element().getSimpleName().contentEquals("request") ? "request$" : p.element().getSimpleName().toString();
            if (p.source() != Source.REQUEST) {
                m.addStatement("$T $L = $L", TypeName.get(p.element().asType()), local, value(p));
            }
            args.add(i == 0 ? "$L" : ", $L", local);
        }
        String call = "this.controller." + r.method().getSimpleName();
        switch (r.returns()) {
            case VOID -> m.addStatement("$L($L)", call, args.build())
                    .addStatement("return $T.status($L)", RESPONSE, r.status());
            case RESPONSE -> m.addStatement("return $L($L)", call, args.build());
            case VALUE -> m.addStatement("return $T.result($L, $L($L))", PARAMS, r.status(), call, args.build());
        }
        return TypeSpec.classBuilder(name)
                .addJavadoc("$L $L\n", r.httpMethod(), r.template())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(HANDLER)
                .addField(controller, "controller", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(controller, "controller")
                        .addStatement("this.controller = controller")
                        .build())
                .addMethod(m.build())
                .build();
    }

    private static CodeBlock value(RouteParam p) {
        if (p.source() == Source.BODY) {
            return CodeBlock.of("$T.body(request, $T.class)", PARAMS, TypeName.get(p.valueType()));
        }
        CodeBlock dflt = p.defaultValue() != null ? CodeBlock.of("$S", p.defaultValue())
                : p.optional() ? CodeBlock.of("null") : CodeBlock.of("$T.REQUIRED", PARAMS);
        CodeBlock text = switch (p.source()) {
            case PATH -> CodeBlock.of("request.pathParam($S)", p.name());
            case QUERY -> CodeBlock.of("$T.query(request, $S, $L)", PARAMS, p.name(), dflt);
            case HEADER -> CodeBlock.of("$T.header(request, $S, $L)", PARAMS, p.name(), dflt);
            default -> throw new IllegalStateException(p.source().toString());
        };
        String what = (p.source() == Source.HEADER ? "header '" : p.source().name().toLowerCase() + " parameter '")
                + p.name() + "'";
        CodeBlock converted = switch (p.conversion()) {
            case STRING, OPTIONAL_STRING, DURATION -> text;
            case INT -> CodeBlock.of("$T.toInt($L, $S)", PARAMS, text, what);
            case LONG -> CodeBlock.of("$T.toLong($L, $S)", PARAMS, text, what);
            case DOUBLE -> CodeBlock.of("$T.toDouble($L, $S)", PARAMS, text, what);
            case BOOLEAN -> CodeBlock.of("$T.toBoolean($L, $S)", PARAMS, text, what);
            case UUID -> CodeBlock.of("$T.toUuid($L, $S)", PARAMS, text, what);
            case ENUM -> CodeBlock.of("$T.convert($L, $S, $T::valueOf, $S)", PARAMS, text, what,
                    TypeName.get(p.valueType()), Conversions.expected(p.conversion(), p.valueType()));
        };
        return p.optional() ? CodeBlock.of("$T.ofNullable($L)", Optional.class, converted) : converted;
    }

    static String unique(String name, Set<String> used) {
        String n = name;
        for (int i = 2; !used.add(n); i++) {
            n = name + i;
        }
        return n;
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
