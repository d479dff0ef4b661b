package dev.allframe.processor;

import dev.allframe.processor.Model.Component;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the infrastructure annotations ({@code dev.allframe.infra.annotations}) into {@link Declaration}s that keep
 * the annotated element and the annotation, so that {@link InfraWriter} can report a problem on the exact attribute.
 * Like the rest of the processor it names the annotations by their qualified names and reads their mirrors: the
 * annotation classes are never loaded.
 */
final class InfraReader {
    static final String PKG = "dev.allframe.infra.annotations";
    static final String EVENT_STORE = PKG + ".EventStore";
    static final String QUEUE = PKG + ".Queue";
    static final String EVENT_BUS = PKG + ".EventBus";
    static final String BUCKET = PKG + ".Bucket";
    static final String LAMBDA = PKG + ".LambdaFunction";
    static final String CLOUD_RUN = PKG + ".CloudRunService";
    static final String SUBSCRIBES = PKG + ".Subscribes";
    static final String USES = PKG + ".Uses";
    /** Resources: declared on any type. */
    static final List<String> RESOURCES = List.of(EVENT_STORE, QUEUE, EVENT_BUS, BUCKET);
    /** Every annotation (and repeatable container) the processor must be offered. */
    static final List<String> ALL = List.of(EVENT_STORE, EVENT_STORE + ".List", QUEUE, QUEUE + ".List", EVENT_BUS,
            EVENT_BUS + ".List", BUCKET, BUCKET + ".List", LAMBDA, CLOUD_RUN, SUBSCRIBES, SUBSCRIBES + ".List",
            USES, USES + ".List");

    /**
     * One annotation occurrence.
     *
     * @param kind the annotation's qualified name
     * @param element the annotated element
     * @param mirror the annotation
     * @param values its attributes, defaults included
     * @param container the repeatable container it was written in, or {@code null}
     * @param index its position among the repeated annotations, or -1
     */
    record Declaration(String kind, Element element, AnnotationMirror mirror, Map<String, AnnotationValue> values,
                       AnnotationMirror container, int index) {
        String string(String attribute) {
            return values.get(attribute).getValue().toString();
        }

        int integer(String attribute) {
            return (Integer) values.get(attribute).getValue();
        }

        boolean bool(String attribute) {
            return (Boolean) values.get(attribute).getValue();
        }

        /** @return an enum constant's name */
        String constant(String attribute) {
            return ((VariableElement) values.get(attribute).getValue()).getSimpleName().toString();
        }

        /** @return the elements of an array attribute, as strings (enum constants by name) */
        List<String> strings(String attribute) {
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) values.get(attribute).getValue()) {
                Object v = ((AnnotationValue) o).getValue();
                out.add(v instanceof VariableElement e ? e.getSimpleName().toString() : v.toString());
            }
            return out;
        }

        /** @return the explicitly written value of the attribute, for an error's position; else {@code null} */
        AnnotationValue explicit(String attribute) {
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                    : mirror.getElementValues().entrySet()) {
                if (e.getKey().getSimpleName().contentEquals(attribute)) {
                    return e.getValue();
                }
            }
            return null;
        }

        String describe() {
            return "@" + kind.substring(PKG.length() + 1) + " on " + InfraReader.describe(element);
        }
    }

    /**
     * A {@code @Uses} and the component it belongs to.
     *
     * @param component the component's id
     * @param declaration the annotation
     */
    record UseSite(String component, Declaration declaration) {
    }

    private final ProcessingEnvironment env;
    /** Resources, by annotation kind, in a stable order. */
    final Map<String, List<Declaration>> resources = new LinkedHashMap<>();
    /** {@code @LambdaFunction} and {@code @CloudRunService}, in a stable order. */
    final List<Declaration> deployables = new ArrayList<>();
    /** {@code @Subscribes}, in a stable order. */
    final List<Declaration> subscribes = new ArrayList<>();
    /** Elements carrying any infrastructure annotation (the origins of infra.json). */
    final Set<Element> origins = new java.util.LinkedHashSet<>();

    InfraReader(ProcessingEnvironment env) {
        this.env = env;
        RESOURCES.forEach(r -> resources.put(r, new ArrayList<>()));
    }

    /** Reads resources, deployables and subscriptions declared anywhere in this round. */
    void read(RoundEnvironment round) {
        for (String kind : RESOURCES) {
            for (Element e : sorted(round, kind)) {
                resources.get(kind).addAll(declarations(e, kind));
            }
        }
        for (String kind : List.of(LAMBDA, CLOUD_RUN)) {
            for (Element e : sorted(round, kind)) {
                deployables.addAll(declarations(e, kind));
            }
        }
        deployables.sort(Comparator.comparing((Declaration d) -> d.kind()).thenComparing(d -> d.string("name")));
        for (Element e : sorted(round, SUBSCRIBES)) {
            subscribes.addAll(declarations(e, SUBSCRIBES));
        }
    }

    /**
     * Finds the {@code @Uses} of every component: on the class, its fields, and the parameters of its constructor or
     * {@code @Provides} method; on a {@code @Provides} method itself.
     *
     * @param components the application's components
     * @return the use sites, in component order
     */
    List<UseSite> uses(List<Component> components) {
        List<UseSite> out = new ArrayList<>();
        for (Component c : components) {
            List<Element> places = new ArrayList<>();
            places.add(c.element());
            if (c.element() instanceof TypeElement type) {
                for (Element member : type.getEnclosedElements()) {
                    if (member.getKind() == ElementKind.FIELD) {
                        places.add(member);
                    }
                }
            }
            if (c.creator() != null) {
                places.addAll(c.creator().getParameters());
            }
            for (Element place : places) {
                for (Declaration d : declarations(place, USES)) {
                    out.add(new UseSite(c.id(), d));
                }
            }
        }
        return out;
    }

    /** @return the annotation's occurrences on the element, whether written once or repeated (in a container) */
    List<Declaration> declarations(Element element, String kind) {
        List<Declaration> out = new ArrayList<>();
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(kind)) {
                out.add(declaration(kind, element, m, null, -1));
            } else if (name.equals(kind + ".List")) {
                int index = 0;
                for (Object o : (List<?>) Elements2.value(m, "value")) {
                    AnnotationValue v = (AnnotationValue) o;
                    out.add(declaration(kind, element, (AnnotationMirror) v.getValue(), m, index++));
                }
            }
        }
        if (!out.isEmpty()) {
            origins.add(element instanceof TypeElement ? element : enclosingType(element));
        }
        return out;
    }

    private Declaration declaration(String kind, Element element, AnnotationMirror mirror,
                                    AnnotationMirror container, int index) {
        Map<String, AnnotationValue> values = new LinkedHashMap<>();
        env.getElementUtils().getElementValuesWithDefaults(mirror)
                .forEach((k, v) -> values.put(k.getSimpleName().toString(), v));
        return new Declaration(kind, element, mirror, values, container, index);
    }

    private Set<Element> sorted(RoundEnvironment round, String kind) {
        Set<Element> out = new TreeSet<>(Comparator.comparing(InfraReader::describe));
        for (String name : List.of(kind, kind + ".List")) {
            TypeElement type = env.getElementUtils().getTypeElement(name);
            if (type != null) {
                out.addAll(round.getElementsAnnotatedWith(type));
            }
        }
        return out;
    }

    private static Element enclosingType(Element e) {
        Element t = e;
        while (t != null && !(t instanceof TypeElement)) {
            t = t.getEnclosingElement();
        }
        return t == null ? e : t;
    }

    /** @return a readable, stable name for an element: {@code com.acme.Api}, {@code com.acme.Api#field} */
    static String describe(Element e) {
        if (e instanceof TypeElement t) {
            return t.getQualifiedName().toString();
        }
        Element type = enclosingType(e);
        if (e.getKind() == ElementKind.PARAMETER) {
            Element method = e.getEnclosingElement();
            return describe(type) + "#" + (method.getKind() == ElementKind.CONSTRUCTOR ? "<init>"
                    : method.getSimpleName()) + "(" + e.getSimpleName() + ")";
        }
        return describe(type) + "#" + e.getSimpleName();
    }
}
