package dev.allframe.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports problems on the offending element. Every message starts with a stable id such as
 * {@code [AllFrame/MissingBinding]} and a headline that names the fix; details and "Note:" hints follow.
 */
final class Diagnostics {
    private final Messager messager;
    private final Trees trees;
    private int errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
        this.trees = null;
    }

    /** Reports through the environment's messager, and locates repeated annotations in javac's trees. */
    Diagnostics(ProcessingEnvironment env) {
        this.messager = env.getMessager();
        Trees t;
        try {
            t = Trees.instance(env);
        } catch (IllegalArgumentException notJavac) {
            t = null; // another compiler: repeated annotations are reported on their element
        }
        this.trees = t;
    }

    void error(Element element, String id, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, "[AllFrame/" + id + "] " + message, element);
    }

    /** Reports on an annotation's attribute (or on the annotation when {@code value} is {@code null}). */
    void error(Element element, AnnotationMirror annotation, AnnotationValue value, String id, String message) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, "[AllFrame/" + id + "] " + message, element, annotation, value);
    }

    /**
     * Reports on the {@code index}-th of the annotations of type {@code annotation} written on the element (javac
     * gives a repeated annotation no mirror of its own that a message could point at).
     */
    void errorOnRepeated(Element element, String annotation, int index, String id, String message) {
        TreePath path = trees == null ? null : trees.getPath(element);
        ModifiersTree modifiers = path == null ? null : switch (path.getLeaf()) {
            case ClassTree c -> c.getModifiers();
            case MethodTree m -> m.getModifiers();
            case VariableTree v -> v.getModifiers();
            default -> null;
        };
        if (modifiers != null) {
            int n = 0;
            for (AnnotationTree a : modifiers.getAnnotations()) {
                Element type = trees.getElement(new TreePath(new TreePath(path, a), a.getAnnotationType()));
                if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(annotation) && n++ == index) {
                    errors++;
                    trees.printMessage(Diagnostic.Kind.ERROR, "[AllFrame/" + id + "] " + message, a,
                            path.getCompilationUnit());
                    return;
                }
            }
        }
        error(element, id, message);
    }

    void warning(Element element, String id, String message) {
        messager.printMessage(Diagnostic.Kind.WARNING, "[AllFrame/" + id + "] " + message, element);
    }

    int errors() {
        return errors;
    }
}
