package dev.allframe.processor;

import dev.allframe.inject.ConfigurationException;
import dev.allframe.inject.EnvReader;
import dev.allframe.inject.Environment;
import dev.allframe.inject.TextValues;
import dev.allframe.processor.Model.Conversion;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which text-to-value conversion a type needs, and compile-time checks of default values. The checks call core's
 * run-time code ({@link EnvReader}, {@link TextValues}), which is on the processor path, so compile time and run time
 * cannot disagree about a default.
 */
final class Conversions {
    private Conversions() {
    }

    /** @return the conversion, or {@code null} if the type is not supported */
    static Conversion of(TypeMirror type) {
        switch (type.getKind()) {
            case INT: return Conversion.INT;
            case LONG: return Conversion.LONG;
            case DOUBLE: return Conversion.DOUBLE;
            case BOOLEAN: return Conversion.BOOLEAN;
            case DECLARED: break;
            default: return null;
        }
        TypeElement e = (TypeElement) ((DeclaredType) type).asElement();
        if (e.getKind() == ElementKind.ENUM) {
            return Conversion.ENUM;
        }
        return switch (e.getQualifiedName().toString()) {
            case "java.lang.String" -> Conversion.STRING;
            case "java.lang.Integer" -> Conversion.INT;
            case "java.lang.Long" -> Conversion.LONG;
            case "java.lang.Double" -> Conversion.DOUBLE;
            case "java.lang.Boolean" -> Conversion.BOOLEAN;
            case "java.time.Duration" -> Conversion.DURATION;
            case "java.util.UUID" -> Conversion.UUID;
            default -> null;
        };
    }

    /** @return whether the type, or one of its type arguments, did not resolve (javac reports that itself) */
    static boolean unresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type.getKind() == TypeKind.DECLARED) {
            for (TypeMirror arg : ((DeclaredType) type).getTypeArguments()) {
                if (unresolved(arg)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return the type argument of {@code java.util.Optional<T>}, or {@code null} if the type is not one */
    static TypeMirror optionalOf(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        DeclaredType d = (DeclaredType) type;
        if (!((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.util.Optional")
                || d.getTypeArguments().size() != 1) {
            return null;
        }
        return d.getTypeArguments().get(0);
    }

    /** @return the constant names of an enum type */
    static List<String> enumConstants(TypeMirror type) {
        List<String> names = new ArrayList<>();
        for (Element e : ((DeclaredType) type).asElement().getEnclosedElements()) {
            if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                names.add(e.getSimpleName().toString());
            }
        }
        return names;
    }

    /** @return what a valid value looks like, for messages: the run time's own words */
    static String expected(Conversion c, TypeMirror type) {
        return switch (c) {
            case INT, LONG -> TextValues.AN_INTEGER;
            case DOUBLE -> TextValues.A_NUMBER;
            case BOOLEAN -> TextValues.TRUE_OR_FALSE;
            case DURATION -> TextValues.A_DURATION;
            case UUID -> TextValues.A_UUID;
            case ENUM -> "one of " + String.join(", ", enumConstants(type));
            case STRING, OPTIONAL_STRING -> "text";
        };
    }

    /**
     * Whether an {@code @Env} default converts, so a bad default is a compile error rather than a start-up one.
     * Runs the container's own {@link EnvReader} on an empty environment, so the default goes through exactly the
     * code that reads it at start-up (trimming included).
     */
    static boolean acceptsEnvDefault(Conversion c, TypeMirror type, String text) {
        EnvReader env = EnvReader.of(Environment.of(Map.of()));
        String name = "DEFAULT";
        switch (c) {
            case INT -> env.intValue(name, text);
            case LONG -> env.longValue(name, text);
            case DOUBLE -> env.doubleValue(name, text);
            case BOOLEAN -> env.booleanValue(name, text);
            case DURATION -> env.duration(name, text);
            // The enum's valueOf is not loadable here; its constants are what valueOf accepts.
            case ENUM -> env.value(name, text, enumValueOf(type), expected(c, type), null);
            case STRING, OPTIONAL_STRING, UUID -> env.string(name, text);
        }
        try {
            env.check();
            return true;
        } catch (ConfigurationException e) {
            return false;
        }
    }

    /**
     * Whether a route parameter's default converts with the functions the generated routes call
     * ({@code dev.allframe.http.annotation.Params}), which take the text as it is: no trimming.
     */
    static boolean acceptsRouteDefault(Conversion c, TypeMirror type, String text) {
        try {
            switch (c) {
                case INT -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case BOOLEAN -> TextValues.parseBoolean(text);
                case UUID -> java.util.UUID.fromString(text);
                case ENUM -> enumValueOf(type).apply(text);
                case DURATION -> TextValues.parseDuration(text);
                case STRING, OPTIONAL_STRING -> {
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Function<String, String> enumValueOf(TypeMirror type) {
        List<String> constants = enumConstants(type);
        return t -> {
            if (!constants.contains(t)) {
                throw new IllegalArgumentException(t);
            }
            return t;
        };
    }
}
