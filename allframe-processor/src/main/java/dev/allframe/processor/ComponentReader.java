package dev.allframe.processor;

import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.Conversion;
import dev.allframe.processor.Model.DepKind;
import dev.allframe.processor.Model.Dependency;
import dev.allframe.processor.Model.EnvBinding;
import dev.allframe.processor.Model.Key;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads injectable classes, factories and their {@code @Provides} methods into {@link Component}s. */
final class ComponentReader {
    private final Types types;
    private final Elements elements;
    private final Diagnostics diagnostics;
    private final String containerPackage;
    private final TypeMirror autoCloseable;
    /** Whether some injected type did not resolve, so the container is not generated this time. */
    boolean unresolved;

    ComponentReader(ProcessingEnvironment env, Diagnostics diagnostics, String containerPackage) {
        this.types = env.getTypeUtils();
        this.elements = env.getElementUtils();
        this.diagnostics = diagnostics;
        this.containerPackage = containerPackage;
        this.autoCloseable = elements.getTypeElement("java.lang.AutoCloseable").asType();
    }

    /**
     * Reads the component classes of the compilation.
     *
     * @param classes candidate classes: {@code @Singleton}, {@code @Inject}-constructed, factories, controllers
     * @param controllers the classes with route methods
     * @param entryClasses controllers and handler classes: always singletons
     * @return the components, sorted by id; classes that cannot be components are reported and left out
     */
    List<Component> read(Set<TypeElement> classes, Set<TypeElement> controllers, Set<TypeElement> entryClasses) {
        List<Component> out = new ArrayList<>();
        for (TypeElement type : classes) {
            Component c = readClass(type, controllers.contains(type), entryClasses.contains(type));
            if (c == null) {
                continue;
            }
            out.add(c);
            if (Elements2.has(type, Names.FACTORY)) {
                for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
                    if (Elements2.has(m, Names.PROVIDES)) {
                        Component p = readProvides(c, m);
                        if (p != null) {
                            out.add(p);
                        }
                    }
                }
            }
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    private Component readClass(TypeElement type, boolean controller, boolean entryPoint) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(type, "NotInjectable", name + " is abstract, so the container cannot create it. "
                    + "Annotate a concrete implementation instead, or create it in a @Factory's @Provides method.");
            return null;
        }
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            diagnostics.error(type, "NotInjectable", name + " is not a class, so the container cannot create it.");
            return null;
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(type, "NotInjectable", name + " is an inner class: make it static (or top level) "
                    + "so the container can create it.");
            return null;
        }
        if (!visible(type)) {
            diagnostics.error(type, "NotInjectable", name + " is not visible from the container's package "
                    + containerPackage + ": make it public, or move it to that package.");
            return null;
        }
        if (!supportedAnnotations(type)) {
            return null;
        }
        ExecutableElement ctor = constructor(type);
        if (ctor == null) {
            return null;
        }
        List<Dependency> deps = dependencies(ctor);
        if (deps == null) {
            return null;
        }
        List<String> inits = new ArrayList<>();
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (Elements2.has(m, Names.INIT)) {
                if (m.getModifiers().contains(Modifier.PRIVATE) || m.getModifiers().contains(Modifier.STATIC)
                        || !m.getParameters().isEmpty()) {
                    diagnostics.error(m, "BadInit", "@Init method " + name + "." + m.getSimpleName()
                            + "() must be non-private, non-static and take no parameters.");
                    return null;
                }
                if (!m.getModifiers().contains(Modifier.PUBLIC) && !packageOf(type).equals(containerPackage)) {
                    diagnostics.error(m, "BadInit", "@Init method " + name + "." + m.getSimpleName()
                            + "() is not visible from the container's package " + containerPackage
                            + ": make it public.");
                    return null;
                }
                inits.add(m.getSimpleName().toString());
            }
        }
        boolean singleton = Elements2.has(type, Names.SINGLETON) || Elements2.has(type, Names.FACTORY)
                || entryPoint;
        Key key = new Key(types.erasure(type.asType()).toString(), Elements2.qualifier(type));
        TypeMirror t = types.erasure(type.asType());
        return new Component(name, key, t, type, ctor, null, singleton, types.isAssignable(t, autoCloseable), deps,
                inits, provided(t, key.qualifier()), controller);
    }

    private Component readProvides(Component factory, ExecutableElement m) {
        String id = factory.id() + "#" + m.getSimpleName();
        if (m.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(m, "NotInjectable", "@Provides method " + id + " is private: make it package-private "
                    + "or public so the container can call it.");
            return null;
        }
        if (!m.getModifiers().contains(Modifier.PUBLIC) && !packageOf(m).equals(containerPackage)) {
            diagnostics.error(m, "NotInjectable", "@Provides method " + id + " is not visible from the "
                    + "container's package " + containerPackage + ": make it public.");
            return null;
        }
        TypeMirror ret = m.getReturnType();
        if (Conversions.unresolved(ret)) {
            unresolved = true;
            return null;
        }
        if (ret.getKind() != TypeKind.DECLARED) {
            diagnostics.error(m, "NotInjectable", "@Provides method " + id + " must return a class or interface "
                    + "type, not " + ret + ".");
            return null;
        }
        if (!m.getTypeParameters().isEmpty()) {
            diagnostics.error(m, "NotInjectable", "@Provides method " + id + " must not be generic.");
            return null;
        }
        List<Dependency> deps = dependencies(m);
        if (deps == null || !supportedAnnotations(m)) {
            return null;
        }
        String qualifier = Elements2.qualifier(m);
        Key key = new Key(ret.toString(), qualifier);
        return new Component(id, key, ret, m, m, factory.id(), true, types.isAssignable(ret, autoCloseable), deps,
                List.of(), provided(ret, qualifier), false);
    }

    /** Picks the constructor: the {@code @Inject} one, else the only one, else the parameterless one. */
    private ExecutableElement constructor(TypeElement type) {
        String name = type.getQualifiedName().toString();
        List<ExecutableElement> ctors = ElementFilter.constructorsIn(type.getEnclosedElements());
        List<ExecutableElement> inject = ctors.stream().filter(c -> Elements2.has(c, Names.INJECT)).toList();
        ExecutableElement chosen;
        if (inject.size() > 1) {
            diagnostics.error(inject.get(1), "NotInjectable", name + " has " + inject.size()
                    + " @Inject constructors: keep @Inject on exactly one.");
            return null;
        } else if (inject.size() == 1) {
            chosen = inject.get(0);
        } else if (ctors.size() == 1) {
            chosen = ctors.get(0);
        } else {
            chosen = ctors.stream().filter(c -> c.getParameters().isEmpty()).findFirst().orElse(null);
            if (chosen == null) {
                diagnostics.error(type, "NotInjectable", name + " has " + ctors.size() + " constructors and none "
                        + "is marked @Inject: annotate the one the container should call with @Inject.");
                return null;
            }
        }
        if (chosen.getModifiers().contains(Modifier.PRIVATE)) {
            diagnostics.error(chosen, "NotInjectable", "The constructor of " + name + " is private: make it "
                    + "package-private or public so the container can call it.");
            return null;
        }
        if (!chosen.getModifiers().contains(Modifier.PUBLIC) && !packageOf(type).equals(containerPackage)) {
            diagnostics.error(chosen, "NotInjectable", "The constructor of " + name + " is not visible from the "
                    + "container's package " + containerPackage + ": make it public.");
            return null;
        }
        return chosen;
    }

    /** @return the parameters as dependencies, or {@code null} if one was reported */
    private List<Dependency> dependencies(ExecutableElement creator) {
        List<Dependency> deps = new ArrayList<>();
        boolean ok = true;
        for (VariableElement p : creator.getParameters()) {
            Dependency d = dependency(p);
            if (d == null) {
                ok = false;
            } else {
                deps.add(d);
            }
        }
        return ok ? deps : null;
    }

    /** Custom qualifiers and scopes would silently change the wiring if ignored, so they are errors. */
    private boolean supportedAnnotations(Element e) {
        AnnotationMirror q = Elements2.unsupportedMeta(e, Names.QUALIFIER, Names.NAMED);
        if (q != null) {
            diagnostics.error(e, "Unsupported", "Qualifier " + q + " is not supported: use @Named(\"...\").");
            return false;
        }
        AnnotationMirror s = Elements2.unsupportedMeta(e, Names.SCOPE, Names.SINGLETON);
        if (s != null) {
            diagnostics.error(e, "Unsupported", "Scope " + s + " is not supported: components are @Singleton "
                    + "or unscoped.");
            return false;
        }
        return true;
    }

    private Dependency dependency(VariableElement p) {
        if (!supportedAnnotations(p)) {
            return null;
        }
        TypeMirror type = p.asType();
        if (Conversions.unresolved(type)) {
            unresolved = true; // javac reports the unknown type; a MissingBinding on top would be noise
            return null;
        }
        AnnotationMirror env = Elements2.annotation(p, Names.ENV);
        if (env != null) {
            return envDependency(p, env);
        }
        if (type.getKind() == TypeKind.DECLARED) {
            TypeElement te = (TypeElement) ((DeclaredType) type).asElement();
            String qn = te.getQualifiedName().toString();
            if (qn.equals(Names.ENVIRONMENT)) {
                return new Dependency(p, new Key(qn, null), DepKind.ENVIRONMENT, null);
            }
            if (qn.equals(Names.COMMAND_REGISTRATIONS)) {
                // Checked against the handlers' event type by HandlerWiring, which knows it.
                return new Dependency(p, new Key(type.toString(), null), DepKind.COMMANDS, null);
            }
            if (qn.equals(Names.PROVIDER)) {
                List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
                if (args.size() != 1 || args.get(0).getKind() != TypeKind.DECLARED) {
                    diagnostics.error(p, "NotInjectable", "Parameter '" + p.getSimpleName()
                            + "' must name the provided type, as in Provider<OrderService>.");
                    return null;
                }
                return new Dependency(p, new Key(args.get(0).toString(), Elements2.qualifier(p)), DepKind.PROVIDER,
                        null);
            }
        }
        return new Dependency(p, new Key(type.toString(), Elements2.qualifier(p)), DepKind.INSTANCE, null);
    }

    private Dependency envDependency(VariableElement p, AnnotationMirror env) {
        String name = Elements2.string(env, "value", "");
        String dflt = Elements2.string(env, "defaultValue", Names.REQUIRED);
        TypeMirror type = p.asType();
        Conversion c = Conversions.of(type);
        TypeMirror opt = Conversions.optionalOf(type);
        if (opt != null && opt.toString().equals("java.lang.String")) {
            c = Conversion.OPTIONAL_STRING;
        }
        if (name.isBlank()) {
            diagnostics.error(p, "BadEnv", "@Env on '" + p.getSimpleName() + "' must name a variable.");
            return null;
        }
        if (c == null || c == Conversion.UUID) {
            diagnostics.error(p, "BadEnv", "@Env(\"" + name + "\") cannot convert to " + type + ". Use String, "
                    + "int, long, double, boolean (or their boxes), java.time.Duration, an enum, or "
                    + "Optional<String>.");
            return null;
        }
        String defaultValue = Names.REQUIRED.equals(dflt) ? null : dflt;
        if (defaultValue != null && c == Conversion.OPTIONAL_STRING) {
            diagnostics.error(p, "BadEnv", "@Env(\"" + name + "\") is an Optional, so a default value means "
                    + "nothing: remove defaultValue or use String.");
            return null;
        }
        if (defaultValue != null && !Conversions.acceptsEnvDefault(c, type, defaultValue)) {
            diagnostics.error(p, "BadEnv", "The default '" + defaultValue + "' of @Env(\"" + name + "\") is not "
                    + Conversions.expected(c, type) + ".");
            return null;
        }
        return new Dependency(p, new Key(type.toString(), null), DepKind.ENV,
                new EnvBinding(name, defaultValue, c, type));
    }

    /** @return the keys a component of this type answers: its type and its supertypes, with its qualifier */
    private Set<Key> provided(TypeMirror type, String qualifier) {
        Set<String> seen = new TreeSet<>();
        collect(type, seen);
        Set<Key> keys = new LinkedHashSet<>();
        keys.add(new Key(type.toString(), qualifier));
        for (String s : seen) {
            keys.add(new Key(s, qualifier));
        }
        return keys;
    }

    private void collect(TypeMirror type, Set<String> seen) {
        for (TypeMirror s : types.directSupertypes(type)) {
            String n = s.toString();
            String erased = types.erasure(s).toString();
            // Injecting Object, Comparable or Closeable by type is never what a user means.
            if (erased.startsWith("java.lang.") || erased.startsWith("java.io.")) {
                continue;
            }
            if (seen.add(n)) {
                collect(s, seen);
            }
        }
    }

    private boolean visible(TypeElement type) {
        Element e = type;
        while (e instanceof TypeElement te) {
            Set<Modifier> mods = te.getModifiers();
            if (mods.contains(Modifier.PRIVATE)) {
                return false;
            }
            if (!mods.contains(Modifier.PUBLIC) && !packageOf(type).equals(containerPackage)) {
                return false;
            }
            e = te.getEnclosingElement();
        }
        return true;
    }

    static String packageOf(Element e) {
        Element p = e;
        while (!(p instanceof PackageElement)) {
            p = p.getEnclosingElement();
        }
        return ((PackageElement) p).getQualifiedName().toString();
    }
}
