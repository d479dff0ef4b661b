package dev.allframe.processor;

import dev.allframe.processor.EntryPoints.Handler;
import dev.allframe.processor.EntryPoints.Kind;

import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code @HandleCommand}, {@code @HandleQuery}, {@code @ProjectionHandler} and {@code @SagaHandler} into
 * entry points, and the classes declaring them, which become singleton components.
 */
final class HandlerReader {
    static final String PKG = "dev.allframe.handler.annotation";
    static final String COMMAND = PKG + ".HandleCommand";
    static final String QUERY = PKG + ".HandleQuery";
    static final String PROJECTION = PKG + ".ProjectionHandler";
    static final String SAGA = PKG + ".SagaHandler";
    static final String DECIDER = "dev.allframe.cqrs.Decider";

    private final Diagnostics diagnostics;
    private final Elements elements;
    private final Types types;
    final List<Handler> handlers = new ArrayList<>();
    final Set<TypeElement> classes = new TreeSet<>(Comparator.comparing(t -> t.getQualifiedName().toString()));
    private final Map<String, Element> claimed = new HashMap<>();

    HandlerReader(Diagnostics diagnostics, Elements elements, Types types) {
        this.diagnostics = diagnostics;
        this.elements = elements;
        this.types = types;
    }

    void read(RoundEnvironment round) {
        for (Element e : sorted(round, COMMAND)) {
            if (e instanceof TypeElement type) {
                commandClass(type);
            } else {
                method((ExecutableElement) e, Kind.COMMAND_HANDLER, "@HandleCommand", "command");
            }
        }
        for (Element e : sorted(round, QUERY)) {
            method((ExecutableElement) e, Kind.QUERY_HANDLER, "@HandleQuery", "query");
        }
        for (Element e : sorted(round, PROJECTION)) {
            named(e, Kind.PROJECTION, PROJECTION, "@ProjectionHandler");
        }
        for (Element e : sorted(round, SAGA)) {
            named(e, Kind.SAGA, SAGA, "@SagaHandler");
        }
    }

    private void method(ExecutableElement m, Kind kind, String annotation, String what) {
        TypeElement owner = (TypeElement) m.getEnclosingElement();
        String where = owner.getQualifiedName() + "." + m.getSimpleName() + "()";
        if (m.getModifiers().contains(Modifier.PRIVATE) || m.getModifiers().contains(Modifier.STATIC)
                || m.getParameters().size() != 1 || m.getReturnType().getKind() == TypeKind.VOID
                || m.getParameters().get(0).asType().getKind() != TypeKind.DECLARED) {
            diagnostics.error(m, "BadHandler", annotation + " method " + where + " must be non-private, non-static, "
                    + "take exactly one parameter (the " + what + ") and return a value.");
            return;
        }
        if (kind == Kind.COMMAND_HANDLER && snapshotEvery(m) != 0) {
            snapshotError(m, "@HandleCommand(snapshotEvery = ...) on method " + where + " has no state to "
                    + "snapshot: only a Decider class has. Remove snapshotEvery, or make the handler a "
                    + "@HandleCommand class implementing dev.allframe.cqrs.Decider<C, S, E>.");
            return;
        }
        String message = m.getParameters().get(0).asType().toString();
        if (claim(kind + " " + message, m, "The " + what + " " + message + " already has a handler")) {
            classes.add(owner);
            handlers.add(new Handler(kind, owner.getQualifiedName().toString(), m.getSimpleName().toString(),
                    message, m));
        }
    }

    /** A {@code Decider} or {@code CommandHandler} class: its command type is its first type argument. */
    private void commandClass(TypeElement type) {
        DeclaredType role = null;
        for (String name : List.of(DECIDER, "dev.allframe.cqrs.CommandHandler")) {
            TypeElement target = elements.getTypeElement(name);
            if (role == null && target != null) {
                role = supertype(type.asType(), target);
            }
        }
        if (role == null || role.getTypeArguments().isEmpty()
                || role.getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            diagnostics.error(type, "BadHandler", "@HandleCommand class " + type.getQualifiedName() + " must "
                    + "implement dev.allframe.cqrs.Decider<C, S, E> or dev.allframe.cqrs.CommandHandler<C, E>; "
                    + "or put @HandleCommand on its handler methods.");
            return;
        }
        if (!snapshotPolicyFits(type, role)) {
            return;
        }
        String message = types.erasure(role.getTypeArguments().get(0)).toString();
        if (claim(Kind.COMMAND_HANDLER + " " + message, type, "The command " + message + " already has a handler")) {
            classes.add(type);
            handlers.add(new Handler(Kind.COMMAND_HANDLER, type.getQualifiedName().toString(), null, message, type));
        }
    }

    /**
     * @param handler a {@code @HandleCommand} method or class
     * @return its {@code snapshotEvery}, 0 when not set
     */
    static int snapshotEvery(Element handler) {
        Object v = Elements2.value(Elements2.annotation(handler, COMMAND), "snapshotEvery");
        return v instanceof Integer n ? n : 0;
    }

    /**
     * @param decider the {@code Decider<C, S, E>} a {@code @HandleCommand} class implements
     * @return its state type {@code S}
     */
    static TypeMirror stateType(DeclaredType decider) {
        return decider.getTypeArguments().get(1);
    }

    /** A snapshot interval needs a decider (state to snapshot) whose state the codec can read back as a class. */
    private boolean snapshotPolicyFits(TypeElement type, DeclaredType role) {
        int every = snapshotEvery(type);
        String where = "@HandleCommand(snapshotEvery = " + every + ") on " + type.getQualifiedName();
        if (every < 0) {
            snapshotError(type, where + ": the interval must be at least 1 (snapshot every n events), or 0 for no "
                    + "snapshots.");
            return false;
        }
        if (every == 0) {
            return true;
        }
        if (!((TypeElement) role.asElement()).getQualifiedName().contentEquals(DECIDER)
                || role.getTypeArguments().size() != 3) {
            snapshotError(type, where + ": a CommandHandler has no state to snapshot; only a "
                    + "dev.allframe.cqrs.Decider<C, S, E> has. Remove snapshotEvery.");
            return false;
        }
        TypeMirror state = stateType(role);
        if (state.getKind() != TypeKind.DECLARED || !((DeclaredType) state).getTypeArguments().isEmpty()) {
            snapshotError(type, where + ": the state type " + state + " must be a class without type arguments, "
                    + "so a snapshot can be read back as that class. Wrap it in a record.");
            return false;
        }
        return true;
    }

    private void snapshotError(Element handler, String message) {
        AnnotationMirror annotation = Elements2.annotation(handler, COMMAND);
        diagnostics.error(handler, annotation, Elements2.annotationValue(annotation, "snapshotEvery"), "BadHandler",
                message);
    }

    static DeclaredType supertype(TypeMirror type, TypeElement target, Types types) {
        java.util.Deque<TypeMirror> todo = new java.util.ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            TypeMirror t = todo.removeFirst();
            if (t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement().equals(target)) {
                return (DeclaredType) t;
            }
            todo.addAll(types.directSupertypes(t));
        }
        return null;
    }

    private DeclaredType supertype(TypeMirror type, TypeElement target) {
        return supertype(type, target, types);
    }

    private void named(Element e, Kind kind, String annotationName, String annotation) {
        String name = Elements2.string(Elements2.annotation(e, annotationName), "value", "");
        if (name.isBlank()) {
            diagnostics.error(e, "BadHandler", annotation + " on " + e + " must have a name.");
            return;
        }
        String component;
        if (e.getKind() == ElementKind.METHOD) {
            if (!Elements2.has(e, Names.PROVIDES)) {
                diagnostics.error(e, "BadHandler", annotation + " on method " + e.getSimpleName()
                        + "() needs @Provides in a @Factory: the method creates the saga's definition.");
                return;
            }
            component = ((TypeElement) e.getEnclosingElement()).getQualifiedName() + "#" + e.getSimpleName();
        } else {
            classes.add((TypeElement) e);
            component = ((TypeElement) e).getQualifiedName().toString();
        }
        if (claim(kind + " " + name, e, "The name '" + name + "' is already used by another " + annotation)) {
            handlers.add(new Handler(kind, component, e.getKind() == ElementKind.METHOD ? e.getSimpleName().toString()
                    : null, name, e));
        }
    }

    private boolean claim(String key, Element e, String message) {
        Element previous = claimed.putIfAbsent(key, e);
        if (previous != null) {
            diagnostics.error(e, "DuplicateHandler", message + ": " + previous.getEnclosingElement() + "."
                    + previous.getSimpleName() + ". Keep one.");
            return false;
        }
        return true;
    }

    private List<? extends Element> sorted(RoundEnvironment round, String annotation) {
        TypeElement type = elements.getTypeElement(annotation);
        if (type == null) {
            return List.of();
        }
        List<Element> list = new ArrayList<>(round.getElementsAnnotatedWith(type));
        list.sort(Comparator.comparing(Element::toString).thenComparing(x -> x.getEnclosingElement().toString()));
        return list;
    }
}
