package dev.allframe.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes the event routing table from {@code @FromEventBridge}, {@code @FromQueue} and {@code @FromTopic} on
 * command types: one {@code AllFrameEventRoutes} class, in the longest package all annotated commands share, with
 * {@code routes()} (the table) and {@code builder()} (the table's builder, to add hand-written routes to). The
 * generated code calls {@code dev.allframe.lambda.events.EventRoutes}, so the module needs {@code allframe-lambda}.
 * A separate processor from {@link AllFrameProcessor}: event routes need no container and no application class.
 * Mistakes are compile errors on the annotated type: not a concrete, accessible {@code Command}, a blank name, or a
 * route declared twice.
 */
public final class EventRoutesProcessor extends AbstractProcessor {
    static final String FROM_EVENT_BRIDGE = "dev.allframe.events.annotation.FromEventBridge";
    static final String FROM_QUEUE = "dev.allframe.events.annotation.FromQueue";
    static final String FROM_TOPIC = "dev.allframe.events.annotation.FromTopic";
    static final String GENERATED_NAME = "AllFrameEventRoutes";
    private static final ClassName EVENT_ROUTES = ClassName.get("dev.allframe.lambda.events", "EventRoutes");

    private Diagnostics diagnostics;
    private boolean done;

    /** Creates the processor; javac finds it through {@code META-INF/services}. */
    public EventRoutesProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        diagnostics = new Diagnostics(processingEnv.getMessager());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(FROM_EVENT_BRIDGE, FROM_QUEUE, FROM_TOPIC);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    /** One route, as the builder call it becomes. */
    private record Route(String method, String first, String second, TypeElement type) {
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || round.processingOver() || annotations.isEmpty()) {
            return false;
        }
        done = true; // routes are written by hand on hand-written commands: the first round sees them all
        Set<TypeElement> types = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
        for (TypeElement a : annotations) {
            for (Element e : round.getElementsAnnotatedWith(a)) {
                types.add((TypeElement) e);
            }
        }
        List<Route> routes = new ArrayList<>();
        Map<String, TypeElement> taken = new HashMap<>();
        for (TypeElement t : types) {
            if (!checkCommand(t)) {
                continue;
            }
            Map<String, String> eb = values(t, FROM_EVENT_BRIDGE);
            if (eb != null) {
                String detailType = eb.get("detailType");
                String source = eb.get("source");
                add(routes, taken, new Route("eventBridge", source, detailType, t),
                        "EventBridge detail-type '" + detailType + "'"
                                + (source.isEmpty() ? "" : " from source '" + source + "'"), detailType);
            }
            Map<String, String> q = values(t, FROM_QUEUE);
            if (q != null) {
                String name = q.get("name").isEmpty() ? t.getSimpleName().toString() : q.get("name");
                add(routes, taken, new Route("sqs", q.get("queue"), name, t),
                        "SQS queue '" + q.get("queue") + "' command '" + name + "'", q.get("queue"));
            }
            Map<String, String> s = values(t, FROM_TOPIC);
            if (s != null) {
                String name = s.get("name").isEmpty() ? t.getSimpleName().toString() : s.get("name");
                add(routes, taken, new Route("sns", s.get("topic"), name, t),
                        "SNS topic '" + s.get("topic") + "' command '" + name + "'", s.get("topic"));
            }
        }
        if (diagnostics.errors() == 0 && !routes.isEmpty()) {
            try {
                write(packageOf(processingEnv.getElementUtils(), types), routes);
            } catch (IOException e) {
                diagnostics.error(null, "Io", "Could not write " + GENERATED_NAME + ": " + e.getMessage());
            }
        }
        return false;
    }

    /** @return the annotation's string members, defaults included, or {@code null} if it is absent */
    private Map<String, String> values(TypeElement t, String annotation) {
        for (AnnotationMirror m : t.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                Map<String, String> out = new HashMap<>();
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                        : processingEnv.getElementUtils().getElementValuesWithDefaults(m).entrySet()) {
                    out.put(e.getKey().getSimpleName().toString(), String.valueOf(e.getValue().getValue()));
                }
                return out;
            }
        }
        return null;
    }

    private void add(List<Route> routes, Map<String, TypeElement> taken, Route route, String description,
                     String required) {
        if (required.isBlank()) {
            diagnostics.error(route.type(), "BlankEventRoute", "Name the " + description.split(" '")[0]
                    + " of " + route.type().getSimpleName() + ": it must not be blank");
            return;
        }
        TypeElement previous = taken.putIfAbsent(description, route.type());
        if (previous != null) {
            diagnostics.error(route.type(), "DuplicateEventRoute", "Route " + description + " only once: it goes to "
                    + previous.getQualifiedName() + " already, so " + route.type().getQualifiedName()
                    + " cannot have it too\n  Note: give one of them another name (name = \"...\")");
            return;
        }
        routes.add(route);
    }

    private boolean checkCommand(TypeElement t) {
        TypeMirror command = processingEnv.getElementUtils().getTypeElement("dev.allframe.cqrs.Command").asType();
        boolean concrete = (t.getKind() == ElementKind.CLASS || t.getKind() == ElementKind.RECORD)
                && !t.getModifiers().contains(Modifier.ABSTRACT);
        if (!concrete || !processingEnv.getTypeUtils().isAssignable(t.asType(), command)) {
            diagnostics.error(t, "EventRouteNotCommand", "Make " + t.getSimpleName() + " a concrete class or record"
                    + " implementing dev.allframe.cqrs.Command: events are decoded into it and dispatched");
            return false;
        }
        boolean inner = t.getNestingKind().isNested() && t.getKind() == ElementKind.CLASS
                && !t.getModifiers().contains(Modifier.STATIC)
                && t.getEnclosingElement().getKind() != ElementKind.INTERFACE;
        boolean hidden = false;
        for (Element e = t; e instanceof TypeElement; e = e.getEnclosingElement()) {
            hidden |= e.getModifiers().contains(Modifier.PRIVATE);
        }
        if (inner || hidden) {
            diagnostics.error(t, "EventRouteNotCommand", "Make " + t.getSimpleName() + " reachable from its"
                    + " package (not private, not an inner class): the generated routes name it");
            return false;
        }
        return true;
    }

    /** The longest package every annotated command shares; the generated class lives there. */
    static String packageOf(javax.lang.model.util.Elements elements, Set<TypeElement> types) {
        String common = null;
        for (TypeElement t : types) {
            String p = elements.getPackageOf(t).getQualifiedName().toString();
            if (common == null) {
                common = p;
            } else {
                while (!common.isEmpty() && !(p.equals(common) || p.startsWith(common + "."))) {
                    int dot = common.lastIndexOf('.');
                    common = dot < 0 ? "" : common.substring(0, dot);
                }
            }
        }
        if (common == null || common.isEmpty()) {
            PackageElement first = elements.getPackageOf(types.iterator().next());
            return first.getQualifiedName().toString();
        }
        return common;
    }

    private void write(String pkg, List<Route> routes) throws IOException {
        CodeBlock.Builder chain = CodeBlock.builder().add("return $T.builder()", EVENT_ROUTES).indent();
        for (Route r : routes) {
            chain.add("\n.$L($S, $S, $T.class)", r.method(), r.first(), r.second(), ClassName.get(r.type()));
        }
        chain.add(";\n").unindent();
        TypeSpec type = TypeSpec.classBuilder(GENERATED_NAME)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                        .addMember("value", "$S", EventRoutesProcessor.class.getName()).build())
                .addJavadoc("The event routes declared by {@code @FromEventBridge}, {@code @FromQueue} and"
                        + " {@code @FromTopic} in this module.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addJavadoc("@return a builder holding the declared routes, to add hand-written ones to\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(EVENT_ROUTES.nestedClass("Builder"))
                        .addCode(chain.build())
                        .build())
                .addMethod(MethodSpec.methodBuilder("routes")
                        .addJavadoc("@return the declared routes\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(EVENT_ROUTES)
                        .addStatement("return builder().build()")
                        .build())
                .build();
        JavaFile.builder(pkg, type).skipJavaLangImports(true).build().writeTo(processingEnv.getFiler());
    }
}
