package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.Controller;
import dev.allframe.processor.Model.Dependency;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The AllFrame annotation processor: reads {@code jakarta.inject} and AllFrame annotations and writes, for the
 * {@code @AllFrameApplication} class, a plain Java container; for each controller, {@code <Controller>$Routes};
 * and {@code META-INF/allframe/graph.json}. Mistakes are compile errors on the offending element.
 */
public final class AllFrameProcessor extends AbstractProcessor {
    private Diagnostics diagnostics;
    private boolean done;

    /** Creates the processor; javac finds it through {@code META-INF/services}. */
    public AllFrameProcessor() {
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        diagnostics = new Diagnostics(processingEnv);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> s = new LinkedHashSet<>(List.of(Names.APPLICATION, Names.SINGLETON, Names.INJECT, Names.FACTORY,
                Names.PROVIDES, Names.INIT, HandlerReader.COMMAND, HandlerReader.QUERY, HandlerReader.PROJECTION,
                HandlerReader.SAGA));
        for (String[] r : Names.ROUTES) {
            s.add(r[1]);
        }
        s.addAll(InfraReader.ALL);
        return s;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done || round.processingOver() || annotations.isEmpty()) {
            return false;
        }
        done = true; // Everything AllFrame reads is written by hand, so the first round sees all of it.
        try {
            run(round);
        } catch (IOException e) {
            diagnostics.error(null, "Io", "Could not write generated files: " + e.getMessage());
        }
        return false;
    }

    private void run(RoundEnvironment round) throws IOException {
        Set<TypeElement> controllerSet = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
        for (String[] r : Names.ROUTES) {
            for (Element e : annotated(round, r[1])) {
                controllerSet.add((TypeElement) e.getEnclosingElement());
            }
        }
        List<TypeElement> controllerTypes = new ArrayList<>(controllerSet);
        RouteReader routeReader = new RouteReader(diagnostics);
        List<Controller> controllers = routeReader.read(controllerTypes);
        for (Controller c : controllers) {
            write(RoutesWriter.write(c));
        }

        Set<TypeElement> candidates = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
        for (Element e : annotated(round, Names.SINGLETON)) {
            if (e instanceof TypeElement t) {
                candidates.add(t);
            }
        }
        for (Element e : annotated(round, Names.INJECT)) {
            if (e.getKind() == ElementKind.CONSTRUCTOR) {
                candidates.add((TypeElement) e.getEnclosingElement());
            } else {
                diagnostics.error(e, "Unsupported", "@Inject on " + e.getKind().toString().toLowerCase()
                        + " '" + e.getSimpleName() + "' is not supported: inject through the constructor.");
            }
        }
        for (Element e : annotated(round, Names.FACTORY)) {
            candidates.add((TypeElement) e);
        }
        for (Element e : annotated(round, Names.PROVIDES)) {
            if (!Elements2.has(e.getEnclosingElement(), Names.FACTORY)) {
                diagnostics.error(e, "NotInjectable", "@Provides method " + e.getSimpleName() + "() is in "
                        + e.getEnclosingElement() + ", which is not a @Factory: annotate the class with @Factory.");
            }
        }
        candidates.addAll(controllerTypes);
        HandlerReader handlers = new HandlerReader(diagnostics, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
        handlers.read(round);
        candidates.addAll(handlers.classes);
        Set<TypeElement> entryClasses = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
        entryClasses.addAll(controllerSet);
        entryClasses.addAll(handlers.classes);

        List<TypeElement> apps = new ArrayList<>();
        for (Element e : annotated(round, Names.APPLICATION)) {
            apps.add((TypeElement) e);
        }
        apps.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
        if (apps.isEmpty()) {
            return; // A library of components and controllers: its $Routes are usable; the application wires it.
        }
        for (TypeElement extra : apps.subList(1, apps.size())) {
            diagnostics.error(extra, "DuplicateApplication", "Only one @AllFrameApplication per compilation: "
                    + apps.get(0).getQualifiedName() + " already is one.");
        }
        TypeElement app = apps.get(0);
        String pkg = ComponentReader.packageOf(app);
        String containerName = Elements2.string(Elements2.annotation(app, Names.APPLICATION), "container", "");
        ClassName container = ClassName.get(pkg, containerName.isEmpty()
                ? app.getSimpleName() + "Container" : containerName);

        if (processingEnv.getElementUtils().getTypeElement(container.canonicalName()) != null) {
            diagnostics.error(app, "DuplicateApplication", "A type named " + container.canonicalName() + " already "
                    + "exists, so the container cannot take that name: choose another with "
                    + "@AllFrameApplication(container = \"...\").");
            return;
        }
        ComponentReader componentReader = new ComponentReader(processingEnv, diagnostics, pkg);
        List<Component> components = componentReader.read(candidates, controllerSet, entryClasses);
        if (componentReader.unresolved || routeReader.unresolved) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "[AllFrame] " + container
                    + " was not generated: some injected or route parameter types do not resolve (see javac's "
                    + "errors).", app);
            return;
        }
        if (diagnostics.errors() > 0) {
            return;
        }
        Resolver resolver = new Resolver(diagnostics, processingEnv.getElementUtils(), components,
                entryClasses.stream().map(t -> t.getQualifiedName().toString()).collect(Collectors.toSet()));
        HandlerWiring wiring = new HandlerWiring(processingEnv, diagnostics, handlers.handlers, pkg);
        wiring.check();
        RuntimeWiring runtime = new RuntimeWiring(processingEnv, wiring, app);
        runtime.plan(key -> {
            List<Component> found = resolver.candidates(key);
            return found.size() == 1 ? found.get(0) : null;
        });
        Map<Dependency, Component> resolved = resolver.resolve(key -> runtime.binding(key) != null);
        if (diagnostics.errors() > 0) {
            return;
        }
        wiring.checkRegistrations(components);
        if (diagnostics.errors() > 0) {
            return;
        }
        ContainerWriter writer = new ContainerWriter(processingEnv, container, app, components, resolved, resolver,
                controllers, wiring, runtime);
        write(writer.write());
        List<Element> origins = new ArrayList<>(candidates);
        origins.add(app);
        resource("META-INF/services/dev.allframe.inject.ContainerFactory",
                container.reflectionName() + "$Factory\n", origins);
        GraphWriter graphWriter = new GraphWriter(app.getQualifiedName().toString(), container.canonicalName(),
                components, resolved, resolver, controllers, handlers.handlers, runtime);
        resource(GraphWriter.PATH, graphWriter.write(), origins);

        InfraReader infra = new InfraReader(processingEnv);
        infra.read(round);
        List<InfraReader.UseSite> uses = infra.uses(components);
        Set<String> entryIds = new TreeSet<>();
        entryClasses.forEach(t -> entryIds.add(t.getQualifiedName().toString()));
        handlers.handlers.forEach(h -> entryIds.add(h.component()));
        Map<String, String> generatedHandlers = new java.util.TreeMap<>();
        List<LambdaWriter.Function> functions = LambdaWriter.functions(infra, pkg, processingEnv.getElementUtils());
        if (!functions.isEmpty()) {
            LambdaWriter.Getters getters = lambdaGetters(round, writer, runtime, components, !controllers.isEmpty());
            for (LambdaWriter.Function f : functions) {
                write(LambdaWriter.write(f, container, getters));
                generatedHandlers.put(f.function(), f.type().reflectionName() + "::handleRequest");
            }
        }
        if (processingEnv.getElementUtils().getTypeElement(MainWriter.HTTP_SERVER.canonicalName()) != null) {
            ClassName events = functions.stream().filter(LambdaWriter.Function::events).findFirst()
                    .map(LambdaWriter.Function::type).orElse(null);
            write(MainWriter.write(app, container, runtime.getter("stores", writer),
                    runtime.getter("projections", writer), events, !controllers.isEmpty()));
        }
        InfraWriter infraWriter = new InfraWriter(diagnostics, processingEnv.getElementUtils(), infra, app,
                components.stream().map(Component::id).collect(Collectors.toSet()), entryIds, controllers, uses,
                graphWriter::reachable).generatedHandlers(generatedHandlers);
        if (infraWriter.declared()) {
            List<Element> infraOrigins = new ArrayList<>(infraWriter.origins());
            infraOrigins.add(app);
            infraWriter.write().ifPresent(json -> {
                try {
                    resource(InfraWriter.PATH, json, infraOrigins);
                } catch (IOException e) {
                    diagnostics.error(app, "Io", "Could not write " + InfraWriter.PATH + ": " + e.getMessage());
                }
            });
        }
    }

    /** @return what the generated Lambda handlers take from the container */
    private LambdaWriter.Getters lambdaGetters(RoundEnvironment round, ContainerWriter writer, RuntimeWiring runtime,
                                               List<Component> components, boolean router) {
        Set<TypeElement> commands = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
        for (String a : List.of(EventRoutesProcessor.FROM_EVENT_BRIDGE, EventRoutesProcessor.FROM_QUEUE,
                EventRoutesProcessor.FROM_TOPIC)) {
            for (Element e : annotated(round, a)) {
                if (e instanceof TypeElement t) {
                    commands.add(t);
                }
            }
        }
        ClassName routes = commands.isEmpty() ? null : ClassName.get(
                EventRoutesProcessor.packageOf(processingEnv.getElementUtils(), commands),
                EventRoutesProcessor.GENERATED_NAME);
        String s3 = null;
        TypeElement s3Handler = processingEnv.getElementUtils().getTypeElement(LambdaWriter.S3_HANDLER);
        if (s3Handler != null) {
            for (Component c : components) {
                if (processingEnv.getTypeUtils().isAssignable(c.type(),
                        processingEnv.getTypeUtils().erasure(s3Handler.asType()))) {
                    s3 = writer.getterOf(c.id());
                    break;
                }
            }
        }
        return new LambdaWriter.Getters(routes, runtime.getter("commandBus", writer),
                runtime.getter("stores", writer), runtime.getter("eventStore", writer),
                runtime.getter("projections", writer), s3, router);
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }

    private void write(JavaFile file) throws IOException {
        file.writeTo(processingEnv.getFiler());
    }

    private void resource(String path, String text, List<Element> origins) throws IOException {
        FileObject f = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
                origins.toArray(new Element[0]));
        try (Writer w = f.openWriter()) {
            w.write(text);
        }
    }
}
