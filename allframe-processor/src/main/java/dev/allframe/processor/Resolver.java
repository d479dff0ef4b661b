package dev.allframe.processor;

import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.DepKind;
import dev.allframe.processor.Model.Dependency;
import dev.allframe.processor.Model.Key;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Resolves every injection point to one component and checks the graph: a missing binding, an ambiguous binding
 * and a dependency cycle are reported on the injection point, with the trace of who needs it.
 */
final class Resolver {
    private final Diagnostics diagnostics;
    private final Elements elements;
    private final List<Component> components;
    private final Map<String, Component> byId = new LinkedHashMap<>();
    private final Map<Key, List<Component>> byKey = new HashMap<>();
    private final Map<Dependency, Component> resolved = new IdentityHashMap<>();
    /** Who injects a component: its dependents, sorted by id, for traces. */
    private final Map<String, List<Edge>> dependents = new TreeMap<>();

    /** An injection: {@code from} needs {@code to} through {@code dep} ({@code null} for a factory instance). */
    record Edge(Component from, Dependency dep, Component to) {
    }

    private final Set<String> entryPoints;

    Resolver(Diagnostics diagnostics, Elements elements, List<Component> components, Set<String> entryPoints) {
        this.entryPoints = entryPoints;
        this.diagnostics = diagnostics;
        this.elements = elements;
        this.components = components;
        for (Component c : components) {
            byId.put(c.id(), c);
            for (Key k : c.provides()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
            }
        }
    }

    /** @return the component each instance or provider dependency resolves to; complete only without errors */
    Map<Dependency, Component> resolve() {
        return resolve(key -> false);
    }

    /**
     * @param builtIn whether the container itself provides a key (the CQRS runtime), when no component does
     * @return the component each instance or provider dependency resolves to; complete only without errors
     */
    Map<Dependency, Component> resolve(java.util.function.Predicate<Key> builtIn) {
        List<Runnable> missing = new ArrayList<>();
        for (Component c : components) {
            for (Dependency d : c.deps()) {
                if (d.kind() != DepKind.INSTANCE && d.kind() != DepKind.PROVIDER) {
                    continue;
                }
                List<Component> candidates = candidates(d.key());
                if (candidates.size() == 1) {
                    resolved.put(d, candidates.get(0));
                    dependents.computeIfAbsent(candidates.get(0).id(), x -> new ArrayList<>())
                            .add(new Edge(c, d, candidates.get(0)));
                } else if (candidates.isEmpty() && builtIn.test(d.key())) {
                    continue;
                } else if (candidates.isEmpty()) {
                    missing.add(() -> reportMissing(c, d));
                } else {
                    missing.add(() -> reportAmbiguous(c, d, candidates));
                }
            }
        }
        // Report after every edge is known, so traces are complete.
        missing.forEach(Runnable::run);
        if (missing.isEmpty()) {
            findCycles();
        }
        return resolved;
    }

    /** @return the components a key resolves to; an exact type match wins over a supertype match */
    List<Component> candidates(Key key) {
        List<Component> all = byKey.getOrDefault(key, List.of());
        if (all.size() > 1) {
            List<Component> exact = all.stream().filter(c -> c.key().equals(key)).toList();
            if (exact.size() == 1) {
                return exact;
            }
        }
        return all;
    }

    Component factoryOf(Component c) {
        return c.isProvides() && !c.creator().getModifiers().contains(Modifier.STATIC) ? byId.get(c.factory()) : null;
    }

    private void reportMissing(Component owner, Dependency d) {
        StringBuilder m = new StringBuilder();
        m.append("No binding for ").append(d.key()).append(", which ").append(site(owner, d))
                .append(" needs: add @Singleton to an implementation, or a @Provides method to a @Factory.\n");
        trace(m, d.key().toString(), owner, d);
        String type = d.key().type();
        for (Map.Entry<Key, List<Component>> e : new TreeMap<>(byKey).entrySet()) {
            if (e.getKey().type().equals(type)) {
                m.append("\nNote: ").append(type).append(" is bound as ").append(e.getKey())
                        .append(" by ").append(e.getValue().get(0).id()).append("; give parameter '")
                        .append(d.name()).append("' the same qualifier.");
            }
        }
        if (Conversions.of(d.element().asType()) != null) {
            m.append("\nNote: to read an environment variable, annotate parameter '").append(d.name())
                    .append("' with @Env(\"NAME\").");
        }
        TypeElement te = elements.getTypeElement(type.replaceAll("<.*", ""));
        if (te != null && te.getKind() == ElementKind.CLASS && !te.getModifiers().contains(Modifier.ABSTRACT)
                && !type.startsWith("java.")) {
            m.append("\nNote: ").append(te.getQualifiedName()).append(" is a class but not a component: annotate "
                    + "it with @Singleton or give it an @Inject constructor.");
        }
        diagnostics.error(d.element(), "MissingBinding", m.toString());
    }

    private void reportAmbiguous(Component owner, Dependency d, List<Component> candidates) {
        StringBuilder m = new StringBuilder();
        m.append(d.key()).append(" is bound ").append(candidates.size()).append(" times, so ").append(site(owner, d))
                .append(" is ambiguous: qualify the parameter and one binding with @Named, or keep one binding.");
        candidates.stream().map(Component::id).sorted().forEach(id -> m.append("\n    bound by ").append(id));
        m.append('\n');
        trace(m, d.key().toString(), owner, d);
        diagnostics.error(d.element(), "AmbiguousBinding", m.toString());
    }

    /** Appends Dagger's "X is injected at / site" lines from the failing point up to an entry point. */
    private void trace(StringBuilder m, String what, Component owner, Dependency d) {
        m.append("    ").append(what).append(" is injected at\n        ").append(site(owner, d));
        Set<String> seen = new HashSet<>();
        Component c = owner;
        while (seen.add(c.id())) {
            List<Edge> in = dependents.getOrDefault(c.id(), List.of());
            if (in.isEmpty()) {
                break;
            }
            Edge e = in.stream().min(Comparator.comparing(x -> x.from().id())).orElseThrow();
            m.append("\n    ").append(c.id()).append(" is injected at\n        ").append(site(e.from(), e.dep()));
            c = e.from();
        }
    }

    static String site(Component c, Dependency d) {
        String where = c.isProvides() ? c.id() : c.id() + ".<init>";
        return d == null ? where + " (its factory)" : where + "(" + d.name() + ")";
    }

    /** Depth-first from the entry points (controllers, handlers), then every other component, by id: deterministic. */
    private void findCycles() {
        List<Component> roots = new ArrayList<>();
        components.stream().filter(c -> entryPoints.contains(c.id())).forEach(roots::add);
        components.stream().filter(c -> !entryPoints.contains(c.id())).forEach(roots::add);
        Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        Set<Set<String>> reported = new HashSet<>();
        for (Component root : roots) {
            dfs(root, state, new ArrayList<>(), reported);
        }
    }

    private void dfs(Component c, Map<String, Integer> state, List<Edge> path, Set<Set<String>> reported) {
        Integer s = state.get(c.id());
        if (s != null && s == 2) {
            return;
        }
        state.put(c.id(), 1);
        for (Edge e : edges(c)) {
            Integer t = state.get(e.to().id());
            if (t != null && t == 1) {
                reportCycle(path, e, reported);
            } else if (t == null) {
                path.add(e);
                dfs(e.to(), state, path, reported);
                path.remove(path.size() - 1);
            }
        }
        state.put(c.id(), 2);
    }

    private List<Edge> edges(Component c) {
        List<Edge> out = new ArrayList<>();
        Component factory = factoryOf(c);
        if (factory != null) {
            out.add(new Edge(c, null, factory));
        }
        for (Dependency d : c.deps()) {
            if (d.kind() == DepKind.INSTANCE && resolved.containsKey(d)) {
                out.add(new Edge(c, d, resolved.get(d)));
            }
        }
        return out;
    }

    private void reportCycle(List<Edge> path, Edge closing, Set<Set<String>> reported) {
        int start = 0;
        while (start < path.size() && !path.get(start).from().id().equals(closing.to().id())) {
            start++;
        }
        List<Edge> cycle = new ArrayList<>(path.subList(start, path.size()));
        cycle.add(closing);
        Set<String> members = new HashSet<>();
        cycle.forEach(e -> members.add(e.from().id()));
        if (!reported.add(members)) {
            return;
        }
        // The edge nearest the entry point: the first edge of the cycle on the path from the root.
        Edge first = cycle.get(0);
        StringBuilder m = new StringBuilder("Dependency cycle: ");
        cycle.forEach(e -> m.append(e.from().id()).append(" -> "));
        m.append(first.from().id()).append(". Break it by injecting Provider<").append(first.to().key().type())
                .append("> at ").append(site(first.from(), first.dep())).append(", or remove one dependency.");
        for (Edge e : cycle) {
            m.append("\n    ").append(site(e.from(), e.dep())).append(" needs ").append(e.to().id());
        }
        diagnostics.error(first.dep() == null ? first.from().element() : first.dep().element(), "DependencyCycle",
                m.toString());
    }
}
