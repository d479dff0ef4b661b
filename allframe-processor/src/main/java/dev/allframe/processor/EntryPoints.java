package dev.allframe.processor;

/** Entry points other than routes: message handlers a door dispatches to. */
final class EntryPoints {
    private EntryPoints() {
    }

    /** The kinds of handler entry points, with their key in {@code graph.json}. */
    enum Kind {
        COMMAND_HANDLER("commandHandlers"),
        QUERY_HANDLER("queryHandlers"),
        PROJECTION("projections"),
        SAGA("sagas");

        private final String json;

        Kind(String json) {
            this.json = json;
        }

        String json() {
            return json;
        }
    }

    /**
     * A handler method.
     *
     * @param kind what it handles
     * @param component the component declaring it
     * @param method the method's name; {@code null} for a handler class
     * @param messageType the command or query type it takes; the name of a projection or saga
     * @param element the annotated method or class
     */
    record Handler(Kind kind, String component, String method, String messageType,
                   javax.lang.model.element.Element element) {
    }
}
