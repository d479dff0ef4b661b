package dev.allframe.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.Map;

/** Small helpers over annotation mirrors, so the processor never needs to load an annotation class. */
final class Elements2 {
    private Elements2() {
    }

    static AnnotationMirror annotation(Element element, String qualifiedName) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                return m;
            }
        }
        return null;
    }

    static boolean has(Element element, String qualifiedName) {
        return annotation(element, qualifiedName) != null;
    }

    /** @return the attribute's value, or {@code null} when it is not set explicitly (its default applies) */
    static Object value(AnnotationMirror mirror, String attribute) {
        AnnotationValue v = annotationValue(mirror, attribute);
        return v == null ? null : v.getValue();
    }

    /** @return the attribute's value as written, for a diagnostic that points at it; {@code null} when not set */
    static AnnotationValue annotationValue(AnnotationMirror mirror, String attribute) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(attribute)) {
                return e.getValue();
            }
        }
        return null;
    }

    static String string(AnnotationMirror mirror, String attribute, String fallback) {
        Object v = value(mirror, attribute);
        return v == null ? fallback : v.toString();
    }

    /**
     * @param element an element
     * @param meta {@code jakarta.inject.Qualifier} or {@code jakarta.inject.Scope}
     * @param allowed the one annotation of that kind AllFrame supports
     * @return another annotation on the element that is meta-annotated with {@code meta}, or {@code null}
     */
    static AnnotationMirror unsupportedMeta(Element element, String meta, String allowed) {
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) m.getAnnotationType().asElement();
            if (!type.getQualifiedName().contentEquals(allowed) && has(type, meta)) {
                return m;
            }
        }
        return null;
    }

    /** @return the {@code @Named} value on the element, or {@code null} */
    static String qualifier(Element element) {
        AnnotationMirror named = annotation(element, Names.NAMED);
        return named == null ? null : string(named, "value", "");
    }
}
