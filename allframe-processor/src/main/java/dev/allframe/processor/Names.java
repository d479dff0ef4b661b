package dev.allframe.processor;

/** Qualified names of the annotations and types the processor reads and the generated code uses. */
final class Names {
    static final String SINGLETON = "jakarta.inject.Singleton";
    static final String INJECT = "jakarta.inject.Inject";
    static final String NAMED = "jakarta.inject.Named";
    static final String PROVIDER = "jakarta.inject.Provider";
    static final String QUALIFIER = "jakarta.inject.Qualifier";
    static final String SCOPE = "jakarta.inject.Scope";

    static final String INJECT_PKG = "dev.allframe.inject";
    static final String APPLICATION = INJECT_PKG + ".AllFrameApplication";
    static final String FACTORY = INJECT_PKG + ".Factory";
    static final String PROVIDES = INJECT_PKG + ".Provides";
    static final String INIT = INJECT_PKG + ".Init";
    static final String ENV = INJECT_PKG + ".Env";
    static final String ENVIRONMENT = INJECT_PKG + ".Environment";
    static final String COMMAND_REGISTRATIONS = "dev.allframe.cqrs.CommandRegistrations";

    static final String HTTP_PKG = "dev.allframe.http";
    static final String ROUTE_PKG = HTTP_PKG + ".annotation";
    static final String PATH_PARAM = ROUTE_PKG + ".PathParam";
    static final String QUERY_PARAM = ROUTE_PKG + ".QueryParam";
    static final String HEADER = ROUTE_PKG + ".Header";
    static final String BODY = ROUTE_PKG + ".Body";
    static final String RESPONSE_STATUS = ROUTE_PKG + ".ResponseStatus";
    static final String REQUEST = HTTP_PKG + ".Request";
    static final String RESPONSE = HTTP_PKG + ".Response";

    /** The route annotations, by HTTP method. */
    static final String[][] ROUTES = {
            {"GET", ROUTE_PKG + ".Get"},
            {"POST", ROUTE_PKG + ".Post"},
            {"PUT", ROUTE_PKG + ".Put"},
            {"DELETE", ROUTE_PKG + ".Delete"},
            {"PATCH", ROUTE_PKG + ".Patch"},
    };

    /** Sentinel default values of {@code @Env}, {@code @QueryParam} and {@code @Header} (one constant in core). */
    static final String REQUIRED = dev.allframe.inject.Env.REQUIRED;

    private Names() {
    }
}
