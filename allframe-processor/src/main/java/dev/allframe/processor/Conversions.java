package dev.allframe.processor;

import dev.allframe.processor.Model.Conversion;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Which text-to-value conversion a type needs, and compile-time checks of default values. */
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

    /** @return what a valid value looks like, for messages; mirrors the run-time helpers */
    static String expected(Conversion c, TypeMirror type) {
        return switch (c) {
            case INT, LONG -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case DURATION -> "a duration such as PT30S, 500ms, 30s, 5m, 2h or 1d";
            case UUID -> "a UUID";
            case ENUM -> "one of " + String.join(", ", enumConstants(type));
            case STRING, OPTIONAL_STRING -> "text";
        };
    }

    /** @return whether a default value converts, so a bad default is a compile error rather than a start-up one */
    static boolean accepts(Conversion c, TypeMirror type, String text) {
        try {
            switch (c) {
                case INT -> Integer.parseInt(text.trim());
                case LONG -> Long.parseLong(text.trim());
                case DOUBLE -> Double.parseDouble(text.trim());
                case BOOLEAN -> {
                    String t = text.trim().toLowerCase(Locale.ROOT);
                    if (!t.equals("true") && !t.equals("false")) {
                        return false;
                    }
                }
                case DURATION -> parseDuration(text.trim());
                case UUID -> java.util.UUID.fromString(text.trim());
                case ENUM -> {
                    return enumConstants(type).contains(text.trim());
                }
                default -> {
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The same grammar as {@code dev.allframe.inject.EnvReader.parseDuration}. */
    static Duration parseDuration(String t) {
        if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p')) {
            return Duration.parse(t);
        }
        int unitAt = 0;
        while (unitAt < t.length() && Character.isDigit(t.charAt(unitAt))) {
            unitAt++;
        }
        if (unitAt == 0) {
            throw new IllegalArgumentException(t);
        }
        long amount = Long.parseLong(t.substring(0, unitAt));
        return switch (t.substring(unitAt).trim().toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(t);
        };
    }
}
