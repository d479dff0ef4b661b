package dev.allframe.processor;

import dev.allframe.processor.Model.Controller;
import dev.allframe.processor.Model.Conversion;
import dev.allframe.processor.Model.Returns;
import dev.allframe.processor.Model.Route;
import dev.allframe.processor.Model.RouteParam;
import dev.allframe.processor.Model.Source;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads controller methods annotated {@code @Get}, {@code @Post}... into {@link Route}s. */
final class RouteReader {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+?)(\\.\\.\\.)?}");

    private final Diagnostics diagnostics;
    /** Method and template shape to the route that claimed it, to reject duplicates at compile time. */
    private final Map<String, Route> shapes = new HashMap<>();
    /** Whether a parameter type did not resolve; the controller is then left out without a message of ours. */
    boolean unresolved;

    RouteReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * @param controllers classes with route methods, in a stable order
     * @return the controllers whose routes are all valid
     */
    List<Controller> read(List<TypeElement> controllers) {
        List<Controller> out = new ArrayList<>();
        for (TypeElement type : controllers) {
            List<Route> routes = new ArrayList<>();
            boolean ok = true;
            for (var e : type.getEnclosedElements()) {
                if (e instanceof ExecutableElement m && isRoute(m)) {
                    Route r = route(type, m);
                    if (r == null) {
                        ok = false;
                    } else {
                        routes.add(r);
                    }
                }
            }
            if (ok) {
                out.add(new Controller(type, routes));
            }
        }
        return out;
    }

    static boolean isRoute(ExecutableElement m) {
        for (String[] r : Names.ROUTES) {
            if (Elements2.has(m, r[1])) {
                return true;
            }
        }
        return false;
    }

    private Route route(TypeElement type, ExecutableElement m) {
        String where = type.getQualifiedName() + "." + m.getSimpleName() + "()";
        String httpMethod = null;
        String template = null;
        for (String[] r : Names.ROUTES) {
            AnnotationMirror a = Elements2.annotation(m, r[1]);
            if (a != null) {
                if (httpMethod != null) {
                    diagnostics.error(m, "BadRoute", where + " has both @" + capital(httpMethod) + " and @"
                            + capital(r[0]) + ": one route annotation per method.");
                    return null;
                }
                httpMethod = r[0];
                template = Elements2.string(a, "value", "");
            }
        }
        if (m.getModifiers().contains(Modifier.PRIVATE) || m.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(m, "BadRoute", "Route method " + where + " must be non-private and non-static.");
            return null;
        }
        if (!template.startsWith("/")) {
            diagnostics.error(m, "BadRoute", "The path of " + where + " must start with '/': '" + template + "'.");
            return null;
        }
        Set<String> variables = new LinkedHashSet<>();
        Matcher vm = VARIABLE.matcher(template);
        while (vm.find()) {
            variables.add(vm.group(1));
        }
        List<RouteParam> params = new ArrayList<>();
        boolean body = false;
        for (VariableElement p : m.getParameters()) {
            RouteParam rp = param(where, p, variables);
            if (rp == null) {
                return null;
            }
            if (rp.source() == Source.BODY) {
                if (body) {
                    diagnostics.error(p, "BadRoute", "Parameter '" + p.getSimpleName() + "' of " + where
                            + " would be a second request body: annotate it with @PathParam, @QueryParam or "
                            + "@Header.");
                    return null;
                }
                body = true;
            }
            params.add(rp);
        }
        TypeMirror ret = m.getReturnType();
        Returns returns = ret.getKind() == TypeKind.VOID ? Returns.VOID
                : ret.toString().equals(Names.RESPONSE) ? Returns.RESPONSE : Returns.VALUE;
        AnnotationMirror statusAnnotation = Elements2.annotation(m, Names.RESPONSE_STATUS);
        int status = returns == Returns.VOID ? 204 : 200;
        if (statusAnnotation != null) {
            status = (Integer) Elements2.value(statusAnnotation, "value");
            if (status < 100 || status > 599) {
                diagnostics.error(m, "BadRoute", "@ResponseStatus(" + status + ") on " + where
                        + " is not a status code (expected 100..599).");
                return null;
            }
        }
        Route route = new Route(m, httpMethod, template, params, status, returns);
        String shape = httpMethod + " " + VARIABLE.matcher(template).replaceAll(x -> x.group(2) == null ? "{}" : "{...}");
        Route previous = shapes.putIfAbsent(shape, route);
        if (previous != null) {
            diagnostics.error(m, "DuplicateRoute", httpMethod + " " + template + " of " + where
                    + " is already routed to " + previous.method().getEnclosingElement() + "."
                    + previous.method().getSimpleName() + "(): change one path or method.");
            return null;
        }
        return route;
    }

    private RouteParam param(String where, VariableElement p, Set<String> variables) {
        String name = p.getSimpleName().toString();
        TypeMirror type = p.asType();
        if (Conversions.unresolved(type)) {
            unresolved = true; // javac reports the unknown type
            return null;
        }
        AnnotationMirror path = Elements2.annotation(p, Names.PATH_PARAM);
        AnnotationMirror query = Elements2.annotation(p, Names.QUERY_PARAM);
        AnnotationMirror header = Elements2.annotation(p, Names.HEADER);
        boolean bodyAnnotated = Elements2.has(p, Names.BODY);
        if (query != null) {
            return scalar(where, p, Source.QUERY, Elements2.string(query, "value", "").isEmpty() ? name
                    : Elements2.string(query, "value", ""), Elements2.string(query, "defaultValue", Names.REQUIRED));
        }
        if (header != null) {
            return scalar(where, p, Source.HEADER, Elements2.string(header, "value", name),
                    Elements2.string(header, "defaultValue", Names.REQUIRED));
        }
        if (path != null || (!bodyAnnotated && variables.contains(name))) {
            String segment = path == null || Elements2.string(path, "value", "").isEmpty() ? name
                    : Elements2.string(path, "value", "");
            if (!variables.contains(segment)) {
                diagnostics.error(p, "BadRoute", "Path parameter '" + segment + "' of " + where
                        + " is not in its template; the template has " + variables + ".");
                return null;
            }
            RouteParam rp = scalar(where, p, Source.PATH, segment, Names.REQUIRED);
            if (rp != null && rp.optional()) {
                diagnostics.error(p, "BadRoute", "Path parameter '" + segment + "' of " + where
                        + " is always present: do not wrap it in Optional.");
                return null;
            }
            return rp;
        }
        if (!bodyAnnotated && type.toString().equals(Names.REQUEST)) {
            return new RouteParam(p, Source.REQUEST, name, null, null, false, type);
        }
        if (type.getKind() != TypeKind.DECLARED || !((DeclaredType) type).getTypeArguments().isEmpty()) {
            diagnostics.error(p, "BadRoute", "Parameter '" + name + "' of " + where + " would be the JSON body, "
                    + "but " + type + " is not a plain class or record: annotate it with @PathParam, @QueryParam "
                    + "or @Header, or wrap the body in a record.");
            return null;
        }
        return new RouteParam(p, Source.BODY, name, null, null, false, type);
    }

    private RouteParam scalar(String where, VariableElement p, Source source, String name, String dflt) {
        TypeMirror type = p.asType();
        TypeMirror inner = Conversions.optionalOf(type);
        boolean optional = inner != null;
        TypeMirror valueType = optional ? inner : type;
        Conversion c = Conversions.of(valueType);
        String what = source.name().toLowerCase() + " parameter '" + name + "'";
        if (c == null || c == Conversion.DURATION) {
            diagnostics.error(p, "BadRoute", "Cannot convert " + what + " of " + where + " to " + type
                    + ". Use String, int, long, double, boolean (or their boxes), UUID or an enum, optionally "
                    + "in an Optional.");
            return null;
        }
        String defaultValue = Names.REQUIRED.equals(dflt) ? null : dflt;
        if (defaultValue != null && !Conversions.acceptsRouteDefault(c, valueType, defaultValue)) {
            diagnostics.error(p, "BadRoute", "The default '" + defaultValue + "' of " + what + " of " + where
                    + " is not " + Conversions.expected(c, valueType) + ".");
            return null;
        }
        return new RouteParam(p, source, name, defaultValue, c, optional, valueType);
    }

    private static String capital(String method) {
        return method.charAt(0) + method.substring(1).toLowerCase();
    }
}
