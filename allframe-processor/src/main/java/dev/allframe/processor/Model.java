package dev.allframe.processor;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import java.util.List;
import java.util.Set;

/** The processor's model of an application: components, their dependencies, and controllers with routes. */
final class Model {
    private Model() {
    }

    /**
     * What an injection point asks for.
     *
     * @param type the type as written, with type arguments
     * @param qualifier the {@code @Named} value, or {@code null}
     */
    record Key(String type, String qualifier) implements Comparable<Key> {
        @Override
        public String toString() {
            return qualifier == null ? type : "@Named(\"" + qualifier + "\") " + type;
        }

        @Override
        public int compareTo(Key o) {
            return toString().compareTo(o.toString());
        }
    }

    /**
     * How a dependency is injected: a component, a {@code Provider} of one, an {@code @Env} value, the
     * {@code Environment}, or the container's {@code registerCommands} as a {@code CommandRegistrations}.
     */
    enum DepKind { INSTANCE, PROVIDER, ENV, ENVIRONMENT, COMMANDS }

    /** The value types {@code @Env} and route parameters convert to. */
    enum Conversion { STRING, INT, LONG, DOUBLE, BOOLEAN, DURATION, UUID, ENUM, OPTIONAL_STRING }

    /**
     * An {@code @Env} binding.
     *
     * @param name the variable
     * @param defaultValue the default, or {@code null} if required
     * @param conversion the target conversion
     * @param type the parameter's type
     */
    record EnvBinding(String name, String defaultValue, Conversion conversion, TypeMirror type) {
    }

    /**
     * One constructor or {@code @Provides} parameter.
     *
     * @param element the parameter
     * @param key what it asks for (the provided type for {@code Provider<T>})
     * @param kind how it is injected
     * @param env the environment binding, for {@link DepKind#ENV}
     */
    record Dependency(VariableElement element, Key key, DepKind kind, EnvBinding env) {
        String name() {
            return element.getSimpleName().toString();
        }
    }

    /**
     * A component: an injectable class, or a {@code @Provides} method.
     *
     * @param id a stable id: the class's qualified name, or {@code Factory#method}
     * @param key the type it is created as, with its qualifier
     * @param type that type
     * @param element the class, or the {@code @Provides} method
     * @param creator the constructor or the method
     * @param factory the factory component's id for a {@code @Provides} method, else {@code null}
     * @param singleton whether one instance is shared
     * @param closeable whether it is {@link AutoCloseable}
     * @param deps the parameters, in order
     * @param initMethods the {@code @Init} methods' names
     * @param provides every key it can be injected as
     * @param controller whether it has route methods
     */
    record Component(String id, Key key, TypeMirror type, Element element, ExecutableElement creator, String factory,
                     boolean singleton, boolean closeable, List<Dependency> deps, List<String> initMethods,
                     Set<Key> provides, boolean controller) {
        boolean isProvides() {
            return factory != null;
        }
    }

    /** Where a route parameter comes from. */
    enum Source { REQUEST, PATH, QUERY, HEADER, BODY }

    /**
     * A route method's parameter.
     *
     * @param element the parameter
     * @param source where its value comes from
     * @param name the path/query/header name
     * @param defaultValue the default, {@code null} if required
     * @param conversion the conversion
     * @param optional whether the parameter is an {@code Optional}
     * @param valueType the converted type (the element type of an {@code Optional}, the body type)
     */
    record RouteParam(VariableElement element, Source source, String name, String defaultValue,
                      Conversion conversion, boolean optional, TypeMirror valueType) {
    }

    /** What a route method returns. */
    enum Returns { VOID, RESPONSE, VALUE }

    /**
     * An annotated route.
     *
     * @param method the controller method
     * @param httpMethod the HTTP method name
     * @param template the path template
     * @param params the parameters, in order
     * @param status the success status
     * @param returns what the method returns
     */
    record Route(ExecutableElement method, String httpMethod, String template, List<RouteParam> params, int status,
                 Returns returns) {
    }

    /**
     * A class with route methods.
     *
     * @param type the class
     * @param routes its routes, in source order
     */
    record Controller(TypeElement type, List<Route> routes) {
    }
}
