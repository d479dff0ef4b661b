package dev.allframe.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A segment trie of path templates; built once, then only read (safe to share between threads). */
final class RouteTrie {
    private static final String PARAM_SHAPE = "{}";
    private static final String CATCH_ALL_SHAPE = "{...}";

    private final Node root = new Node();
    private final Map<String, Router.Route> shapes = new HashMap<>();

    /** One registered route with the parameter names of its template, in order. */
    record Entry(Router.Route route, String[] paramNames) {
    }

    static final class Node {
        final Map<String, Node> literals = new HashMap<>();
        Node param;
        final Map<HttpMethod, Entry> catchAll = new LinkedHashMap<>();
        final Map<HttpMethod, Entry> endpoints = new LinkedHashMap<>();
    }

    void add(Router.Route route) {
        String template = route.template();
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("path template (expected to start with '/'): '" + template + "'");
        }
        String[] segments = splitTemplate(template);
        List<String> names = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        Node node = root;
        boolean catchAll = false;
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.startsWith("{") && seg.endsWith("}")) {
                String name = seg.substring(1, seg.length() - 1);
                boolean rest = name.endsWith("...");
                if (rest) {
                    name = name.substring(0, name.length() - 3);
                    if (i != segments.length - 1) {
                        throw new IllegalArgumentException("path template '" + template
                                + "': a catch-all {" + name + "...} must be the last segment");
                    }
                }
                checkName(template, name, names);
                names.add(name);
                if (rest) {
                    catchAll = true;
                    shape.append('/').append(CATCH_ALL_SHAPE);
                } else {
                    shape.append('/').append(PARAM_SHAPE);
                    if (node.param == null) {
                        node.param = new Node();
                    }
                    node = node.param;
                }
            } else {
                if (seg.indexOf('{') >= 0 || seg.indexOf('}') >= 0) {
                    throw new IllegalArgumentException("path template '" + template + "': segment '" + seg
                            + "' mixes text and a parameter; a parameter must be a whole segment");
                }
                shape.append('/').append(seg);
                Node next = node.literals.get(seg);
                if (next == null) {
                    next = new Node();
                    node.literals.put(seg, next);
                }
                node = next;
            }
        }
        String key = route.method() + " " + (shape.isEmpty() ? "/" : shape);
        Router.Route existing = shapes.putIfAbsent(key, route);
        if (existing != null) {
            throw new IllegalStateException("Duplicate route: " + route.method() + " " + template
                    + " conflicts with " + existing.method() + " " + existing.template());
        }
        Entry entry = new Entry(route, names.toArray(new String[0]));
        (catchAll ? node.catchAll : node.endpoints).put(route.method(), entry);
    }

    RouteTrie freeze() {
        return this;
    }

    /**
     * Finds the best route for the method, preferring literals, then parameters, then catch-alls; if no template
     * that matches the path has the method, the allowed methods of the best path match.
     */
    Router.Match match(HttpMethod method, String[] segments) {
        Search s = new Search(method, segments);
        s.walk(root, 0);
        if (s.found != null) {
            return new Router.Match(s.found.route(), params(s.found, s.foundValues), allowed(s.firstPathMatch));
        }
        if (s.firstPathMatch != null) {
            return new Router.Match(null, PathParams.EMPTY, allowed(s.firstPathMatch));
        }
        return new Router.Match(null, PathParams.EMPTY, Set.of());
    }

    private static PathParams params(Entry entry, List<String> values) {
        if (entry.paramNames().length == 0) {
            return PathParams.EMPTY;
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < entry.paramNames().length; i++) {
            map.put(entry.paramNames()[i], values.get(i));
        }
        return new PathParams(map);
    }

    private static Set<HttpMethod> allowed(Map<HttpMethod, Entry> endpoints) {
        List<HttpMethod> methods = new ArrayList<>(endpoints.keySet());
        if (methods.contains(HttpMethod.GET) && !methods.contains(HttpMethod.HEAD)) {
            methods.add(HttpMethod.HEAD);
        }
        if (!methods.contains(HttpMethod.OPTIONS)) {
            methods.add(HttpMethod.OPTIONS);
        }
        // Sorted by name as a TreeSet would, without one: a handful of methods, and TreeSet/TreeMap were seven more
        // classes on a Lambda cold start for every request that matched.
        for (int i = 1; i < methods.size(); i++) {
            HttpMethod m = methods.get(i);
            int j = i - 1;
            for (; j >= 0 && methods.get(j).compareTo(m) > 0; j--) {
                methods.set(j + 1, methods.get(j));
            }
            methods.set(j + 1, m);
        }
        return new LinkedHashSet<>(methods);
    }

    private static final class Search {
        final HttpMethod method;
        final String[] segments;
        final ArrayList<String> values = new ArrayList<>();
        Entry found;
        List<String> foundValues;
        Map<HttpMethod, Entry> firstPathMatch;

        Search(HttpMethod method, String[] segments) {
            this.method = method;
            this.segments = segments;
        }

        /** @return true when a route for the method was found and the search can stop */
        boolean walk(Node node, int i) {
            if (i == segments.length && offer(node.endpoints)) {
                return true;
            }
            if (i < segments.length) {
                Node literal = node.literals.get(segments[i]);
                if (literal != null && walk(literal, i + 1)) {
                    return true;
                }
                if (node.param != null && !segments[i].isEmpty()) {
                    values.add(segments[i]);
                    if (walk(node.param, i + 1)) {
                        return true;
                    }
                    values.remove(values.size() - 1);
                }
            }
            if (!node.catchAll.isEmpty()) {
                values.add(String.join("/", java.util.Arrays.asList(segments).subList(i, segments.length)));
                if (offer(node.catchAll)) {
                    return true;
                }
                values.remove(values.size() - 1);
            }
            return false;
        }

        private boolean offer(Map<HttpMethod, Entry> endpoints) {
            if (endpoints.isEmpty()) {
                return false;
            }
            if (firstPathMatch == null) {
                firstPathMatch = endpoints;
            }
            Entry e = endpoints.get(method);
            if (e == null && method.equals(HttpMethod.HEAD)) {
                e = endpoints.get(HttpMethod.GET);
            }
            if (e != null) {
                found = e;
                foundValues = List.copyOf(values);
                firstPathMatch = endpoints;
                return true;
            }
            return false;
        }
    }

    /** A loop, not {@code chars().allMatch}: route registration runs at start-up, where an IntStream costs classes. */
    private static boolean identifierPart(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void checkName(String template, String name, List<String> seen) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || !identifierPart(name)) {
            throw new IllegalArgumentException("path template '" + template + "': parameter name '" + name
                    + "' (expected an identifier such as {id})");
        }
        if (seen.contains(name)) {
            throw new IllegalArgumentException("path template '" + template + "': parameter {" + name
                    + "} appears twice");
        }
    }

    private static String[] splitTemplate(String template) {
        if (template.equals("/")) {
            return new String[0];
        }
        return template.substring(1).split("/", -1);
    }

    /** Splits a raw request path into percent-decoded segments; {@code "/"} has none. */
    static String[] splitPath(String rawPath) {
        if (rawPath.equals("/")) {
            return new String[0];
        }
        String[] raw = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = PercentCodec.decodePathSegment(raw[i]);
        }
        return raw;
    }
}
