package dev.allframe.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems on the offending element. Every message starts with a stable id such as
 * {@code [AllFrame/MissingBinding]} and a headline that names the fix; details and "Note:" hints follow.
 */
final class Diagnostics {
    private final Messager messager;
    private int errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void error(Element element, String id, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, "[AllFrame/" + id + "] " + message, element);
    }

    void warning(Element element, String id, String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, "[AllFrame/" + id + "] " + message, element);
    }

    int errors() {
        return errors;
    }
}
