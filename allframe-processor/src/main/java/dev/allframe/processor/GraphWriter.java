package dev.allframe.processor;

import dev.allframe.json.JsonStrings;
import dev.allframe.processor.Model.Component;
import dev.allframe.processor.Model.Controller;
import dev.allframe.processor.Model.DepKind;
import dev.allframe.processor.Model.Dependency;
import dev.allframe.processor.Model.Route;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code META-INF/allframe/graph.json}: components, their dependencies and environment variables, and the
 * entry points with every component they reach. Everything is sorted, so two builds of the same code give the same
 * bytes and a diff shows what changed. The format is documented in the module's README.
 */
final class GraphWriter {
    static final String PATH = "META-INF/allframe/graph.json";
    static final int VERSION = 1;

    private final String application;
    private final String container;
    private final List<Component> components;
    private final Map<Dependency, Component> resolved;
    private final Resolver resolver;
    private final List<Controller> controllers;
    private final List<EntryPoints.Handler> handlers;
    private final RuntimeWiring runtime;

    GraphWriter(String application, String container, List<Component> components,
                Map<Dependency, Component> resolved, Resolver resolver, List<Controller> controllers,
                List<EntryPoints.Handler> handlers, RuntimeWiring runtime) {
        this.runtime = runtime;
        this.application = application;
        this.container = container;
        this.components = components;
        this.resolved = resolved;
        this.resolver = resolver;
        this.controllers = controllers;
        this.handlers = handlers;
    }

    String write() {
        Json j = new Json();
        j.open('{');
        j.field("version").value(VERSION);
        j.field("application").value(application);
        j.field("container").value(container);
        j.field("components").open('[');
        for (Component c : components) {
            j.open('{');
            j.field("id").value(c.id());
            j.field("type").value(c.key().type());
            j.field("qualifier").value(c.key().qualifier());
            j.field("kind").value(c.isProvides() ? "provides" : c.controller() ? "controller" : "class");
            j.field("scope").value(c.singleton() ? "singleton" : "unscoped");
            j.field("closeable").value(c.closeable());
            j.field("provides").open('[');
            new TreeSet<>(c.provides().stream().map(Model.Key::type).toList()).forEach(j::value);
            j.close(']');
            j.field("dependencies").open('[');
            Component factory = resolver.factoryOf(c);
            if (factory != null) {
                j.open('{').field("component").value(factory.id()).field("type").value(factory.key().type())
                        .field("qualifier").value(null).field("lazy").value(false).field("factory").value(true)
                        .close('}');
            }
            for (Dependency d : c.deps()) {
                if (d.kind() == DepKind.INSTANCE || d.kind() == DepKind.PROVIDER) {
                    Component to = resolved.get(d);
                    j.open('{').field("component").value(to == null ? null : to.id())
                            .field("type").value(d.key().type()).field("qualifier").value(d.key().qualifier())
                            .field("lazy").value(d.kind() == DepKind.PROVIDER).field("factory").value(false)
                            .close('}');
                } else if (d.kind() == DepKind.COMMANDS) {
                    for (String id : commandHandlers()) {
                        Component to = byId().get(id);
                        j.open('{').field("component").value(id)
                                .field("type").value(to == null ? id : to.key().type()).field("qualifier").value(null)
                                .field("lazy").value(true).field("factory").value(false)
                                .close('}');
                    }
                }
            }
            j.close(']');
            j.field("env").open('[');
            for (Dependency d : c.deps()) {
                if (d.env() != null) {
                    j.open('{').field("name").value(d.env().name()).field("type").value(d.env().type().toString())
                            .field("required").value(d.env().defaultValue() == null
                                    && d.env().conversion() != Model.Conversion.OPTIONAL_STRING)
                            .field("default").value(d.env().defaultValue()).close('}');
                }
            }
            j.close(']');
            j.close('}');
        }
        j.close(']');

        j.field("env").open('[');
        Map<String, Set<String>> readers = new TreeMap<>();
        for (Component c : components) {
            for (Dependency d : c.deps()) {
                if (d.env() != null) {
                    readers.computeIfAbsent(d.env().name(), x -> new TreeSet<>()).add(c.id());
                }
            }
        }
        readers.forEach((name, ids) -> {
            j.open('{').field("name").value(name).field("readBy").open('[');
            ids.forEach(j::value);
            j.close(']').close('}');
        });
        j.close(']');

        j.field("entryPoints").open('{');
        j.field("routes").open('[');
        List<Object[]> routes = new ArrayList<>();
        for (Controller c : controllers) {
            for (Route r : c.routes()) {
                routes.add(new Object[] {r, c});
            }
        }
        routes.sort(Comparator.comparing((Object[] o) -> ((Route) o[0]).template())
                .thenComparing(o -> ((Route) o[0]).httpMethod()));
        for (Object[] o : routes) {
            Route r = (Route) o[0];
            String controllerId = ((Controller) o[1]).type().getQualifiedName().toString();
            j.open('{').field("method").value(r.httpMethod()).field("path").value(r.template())
                    .field("component").value(controllerId).field("handler").value(r.method().getSimpleName().toString())
                    .field("status").value(r.status());
            reaches(j, controllerId);
            j.close('}');
        }
        j.close(']');
        for (EntryPoints.Kind kind : EntryPoints.Kind.values()) {
            j.field(kind.json()).open('[');
            handlers.stream().filter(h -> h.kind() == kind)
                    .sorted(Comparator.comparing(EntryPoints.Handler::messageType)
                            .thenComparing(EntryPoints.Handler::component))
                    .forEach(h -> {
                        j.open('{').field("component").value(h.component()).field("handler").value(h.method());
                        if (kind == EntryPoints.Kind.COMMAND_HANDLER || kind == EntryPoints.Kind.QUERY_HANDLER) {
                            j.field("message").value(h.messageType());
                        } else {
                            j.field("name").value(h.messageType());
                        }
                        reaches(j, h.component());
                        j.close('}');
                    });
            j.close(']');
        }
        j.close('}');
        j.close('}');
        return j.toString() + "\n";
    }

    /** Writes every component the entry point can reach (itself included), and the env variables they read. */
    private void reaches(Json j, String id) {
        Set<String> seen = reachable(id);
        Set<String> env = new TreeSet<>();
        for (Component c : components) {
            if (seen.contains(c.id())) {
                for (Dependency d : c.deps()) {
                    if (d.env() != null) {
                        env.add(d.env().name());
                    }
                }
            }
        }
        j.field("reaches").open('[');
        seen.forEach(j::value);
        j.close(']');
        j.field("env").open('[');
        env.forEach(j::value);
        j.close(']');
    }

    /**
     * @param id a component's id
     * @return the ids of every component it can reach (itself included), following dependencies, {@code Provider}s
     *         and the factory of a {@code @Provides} component; sorted
     */
    Set<String> reachable(String id) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        Map<String, Component> byId = byId();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            Component c = byId.get(next);
            if (c == null || !seen.add(next)) {
                continue;
            }
            Component factory = resolver.factoryOf(c);
            if (factory != null) {
                todo.push(factory.id());
            }
            for (Dependency d : c.deps()) {
                if (resolved.get(d) != null) {
                    todo.push(resolved.get(d).id());
                } else if (runtime.binding(d.key()) != null) {
                    runtime.binding(d.key()).reaches().forEach(todo::push);
                } else if (d.kind() == DepKind.COMMANDS) {
                    commandHandlers().forEach(todo::push);
                }
            }
        }
        return seen;
    }

    private Map<String, Component> byId() {
        Map<String, Component> byId = new TreeMap<>();
        components.forEach(c -> byId.put(c.id(), c));
        return byId;
    }

    /** @return the components a {@code CommandRegistrations} reaches: every command handler's, sorted */
    private Set<String> commandHandlers() {
        Set<String> ids = new TreeSet<>();
        handlers.stream().filter(h -> h.kind() == EntryPoints.Kind.COMMAND_HANDLER)
                .forEach(h -> ids.add(h.component()));
        return ids;
    }

    /** A tiny pretty-printing JSON writer: two-space indents, one field per line, like most formatters. */
    static final class Json {
        private final StringBuilder sb = new StringBuilder();
        private final Deque<Boolean> first = new ArrayDeque<>();
        private boolean afterField;

        Json open(char c) {
            prefix();
            sb.append(c);
            first.push(true);
            return this;
        }

        Json close(char c) {
            boolean empty = first.pop();
            if (!empty) {
                newline();
            }
            sb.append(c);
            return this;
        }

        Json field(String name) {
            prefix();
            string(name);
            sb.append(": ");
            afterField = true;
            return this;
        }

        Json value(Object v) {
            prefix();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String s) {
                string(s);
            } else {
                sb.append(v);
            }
            return this;
        }

        private void prefix() {
            if (afterField) {
                afterField = false;
                return;
            }
            if (first.isEmpty()) {
                return;
            }
            if (!first.peek()) {
                sb.append(',');
            }
            first.pop();
            first.push(false);
            newline();
        }

        private void newline() {
            sb.append('\n');
            sb.append("  ".repeat(first.size()));
        }

        private void string(String s) {
            JsonStrings.quote(sb, s);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
