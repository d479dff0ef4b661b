package dev.allframe.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the checks of a {@code @Valid} record's declared constraints as plain code: an anonymous
 * {@code Validator} whose {@code validate} tests each component and names it with the same English messages Avaje
 * Validator uses. So the command bus checks commands with no validation library to bootstrap at run time (Avaje's
 * first use costs a Lambda cold start about 300 classes and 100 ms). Constraints it does not know — another
 * annotation, a custom {@code message}, {@code groups}, a component type it cannot compare — make it return
 * {@code null}, and the type is checked by {@code Validators.constraints()} (Avaje's generated validators) instead.
 */
final class ConstraintChecks {
    private static final ClassName VALIDATOR = ClassName.get("dev.allframe.cqrs", "Validator");
    private static final ClassName FIELD_ERROR = ClassName.get("dev.allframe.cqrs", "FieldError");
    private static final Set<String> PACKAGES = Set.of("io.avaje.validation.constraints",
            "jakarta.validation.constraints");
    private static final Set<String> NUMBERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte");

    private ConstraintChecks() {
    }

    /**
     * @param type a {@code @Valid} command type
     * @return an expression creating its validator, or {@code null} when it is not a record or declares a
     *         constraint this writer does not handle
     */
    static CodeBlock of(TypeElement type) {
        if (type.getKind() != ElementKind.RECORD) {
            return null;
        }
        CodeBlock.Builder body = CodeBlock.builder()
                .addStatement("$T<$T> errors = new $T<>()", List.class, FIELD_ERROR, ArrayList.class);
        boolean any = false;
        for (RecordComponentElement component : type.getRecordComponents()) {
            Map<String, AnnotationMirror> constraints = constraints(component);
            if (constraints == null) {
                return null;
            }
            String name = component.getSimpleName().toString();
            String value = "command." + name + "()";
            TypeMirror t = component.asType();
            boolean primitive = t.getKind().isPrimitive();
            boolean string = !primitive && erasure(t).equals("java.lang.String");
            boolean number = primitive ? isIntegral(t.getKind()) : NUMBERS.contains(erasure(t));
            for (Map.Entry<String, AnnotationMirror> c : constraints.entrySet()) {
                any = true;
                switch (c.getKey()) {
                    case "NotNull" -> {
                        if (!primitive) {
                            check(body, value + " == null", name, "must not be null");
                        }
                    }
                    case "NotBlank" -> {
                        if (!string) {
                            return null;
                        }
                        check(body, value + " == null || " + value + ".isBlank()", name, "must not be blank");
                    }
                    case "NotEmpty" -> {
                        if (!string) {
                            return null;
                        }
                        check(body, value + " == null || " + value + ".isEmpty()", name, "must not be empty");
                    }
                    case "Min", "Max" -> {
                        if (!number) {
                            return null;
                        }
                        Object bound = element(c.getValue(), "value");
                        if (!(bound instanceof Long limit)) {
                            return null;
                        }
                        boolean min = c.getKey().equals("Min");
                        compare(body, value, primitive, (min ? " < " : " > ") + limit + "L", name,
                                (min ? "must be greater than or equal to " : "must be less than or equal to ")
                                        + limit);
                    }
                    case "Positive", "PositiveOrZero", "Negative", "NegativeOrZero" -> {
                        if (!number) {
                            return null;
                        }
                        String test = switch (c.getKey()) {
                            case "Positive" -> " <= 0L";
                            case "PositiveOrZero" -> " < 0L";
                            case "Negative" -> " >= 0L";
                            default -> " > 0L";
                        };
                        String message = switch (c.getKey()) {
                            case "Positive" -> "must be greater than 0";
                            case "PositiveOrZero" -> "must be greater than or equal to 0";
                            case "Negative" -> "must be less than 0";
                            default -> "must be less than or equal to 0";
                        };
                        compare(body, value, primitive, test, name, message);
                    }
                    default -> {
                        return null;
                    }
                }
            }
        }
        if (!any) {
            return null;
        }
        body.addStatement("return errors");
        TypeSpec validator = TypeSpec.anonymousClassBuilder("")
                .addSuperinterface(ParameterizedTypeName.get(VALIDATOR, ClassName.get(type)))
                .addMethod(com.palantir.javapoet.MethodSpec.methodBuilder("validate")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(ClassName.get(type), "command")
                        .returns(ParameterizedTypeName.get(ClassName.get(List.class), FIELD_ERROR))
                        .addCode(body.build())
                        .build())
                .build();
        return CodeBlock.of("$L", validator);
    }

    private static void check(CodeBlock.Builder body, String failing, String field, String message) {
        body.beginControlFlow("if (" + failing + ")")
                .addStatement("errors.add(new $T($S, $S))", FIELD_ERROR, field, message)
                .endControlFlow();
    }

    private static void compare(CodeBlock.Builder body, String value, boolean primitive, String test, String field,
                                String message) {
        // A null number passes: absence is @NotNull's to report, as in Bean Validation.
        check(body, primitive ? value + test : value + " != null && " + value + test, field, message);
    }

    /** @return the component's constraints by simple name, or {@code null} if one cannot be generated */
    private static Map<String, AnnotationMirror> constraints(RecordComponentElement component) {
        Map<String, AnnotationMirror> found = new LinkedHashMap<>();
        List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
        ExecutableElement accessor = component.getAccessor();
        if (accessor != null) {
            all.addAll(accessor.getAnnotationMirrors());
        }
        all.addAll(component.asType().getAnnotationMirrors());
        for (AnnotationMirror a : all) {
            TypeElement annotation = (TypeElement) a.getAnnotationType().asElement();
            String qualified = annotation.getQualifiedName().toString();
            int dot = qualified.lastIndexOf('.');
            if (dot < 0 || !PACKAGES.contains(qualified.substring(0, dot))) {
                continue;
            }
            for (var e : a.getElementValues().entrySet()) {
                String element = e.getKey().getSimpleName().toString();
                if (!element.equals("value")) {
                    return null; // a custom message, groups, or a bound beside the value: Avaje's to handle
                }
            }
            found.put(annotation.getSimpleName().toString(), a);
        }
        return found;
    }

    private static Object element(AnnotationMirror a, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(name)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }

    private static boolean isIntegral(TypeKind kind) {
        return kind == TypeKind.INT || kind == TypeKind.LONG || kind == TypeKind.SHORT || kind == TypeKind.BYTE;
    }

    private static String erasure(TypeMirror t) {
        // The element's name, not the mirror's text: type-use annotations print inside it ("java.lang.@NotNull Long").
        return t instanceof javax.lang.model.type.DeclaredType d
                ? ((TypeElement) d.asElement()).getQualifiedName().toString() : t.toString();
    }
}
