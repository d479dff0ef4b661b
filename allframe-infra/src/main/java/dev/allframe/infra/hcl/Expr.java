package dev.allframe.infra.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** An HCL expression. Build them with the static factories; all are immutable. */
public sealed interface Expr {
    /** Pattern of a traversal: {@code var.x}, {@code aws_sqs_queue.orders.arn}, {@code a.b[0].c}. */
    Pattern TRAVERSAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(\\.[A-Za-z_][A-Za-z0-9_-]*|\\[[0-9]+\\])*");
    /** Pattern of an identifier. */
    Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /**
     * A literal string, number, bool or null.
     *
     * @param value a {@link String}, {@link Long}, {@link Integer}, {@link BigDecimal}, {@link Boolean} or null
     */
    record Literal(Object value) implements Expr {
        /** Checks the type. */
        public Literal {
            if (value != null && !(value instanceof String) && !(value instanceof Long) && !(value instanceof Integer)
                    && !(value instanceof BigDecimal) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("not a literal: " + value.getClass().getName());
            }
        }
    }

    /**
     * A string template: literal text and interpolated expressions, in order.
     *
     * @param parts {@link String} (literal text) and {@link Expr} (interpolations); adjacent texts are merged
     */
    record Template(List<Object> parts) implements Expr {
        /** Checks the parts and merges adjacent literal texts. */
        public Template {
            List<Object> merged = new ArrayList<>();
            for (Object p : parts) {
                Objects.requireNonNull(p, "template part");
                if (p instanceof String s) {
                    if (!merged.isEmpty() && merged.getLast() instanceof String prev) {
                        merged.set(merged.size() - 1, prev + s);
                    } else if (!s.isEmpty()) {
                        merged.add(s);
                    }
                } else if (!(p instanceof Expr)) {
                    throw new IllegalArgumentException("template part must be text or an expression: " + p);
                } else {
                    merged.add(p);
                }
            }
            parts = Collections.unmodifiableList(merged);
        }
    }

    /**
     * A reference: {@code var.region}, {@code aws_lambda_function.api.arn}.
     *
     * @param traversal the traversal
     */
    record Ref(String traversal) implements Expr {
        /** Checks the syntax. */
        public Ref {
            if (!TRAVERSAL.matcher(traversal).matches()) {
                throw new IllegalArgumentException("not a traversal: " + traversal);
            }
        }
    }

    /**
     * A bare word written as is in native syntax and as a plain string in JSON: type constraints
     * ({@code string}, {@code map(string)}) and {@code depends_on} entries.
     *
     * @param text the word
     */
    record Keyword(String text) implements Expr {
        /** Checks the syntax. */
        public Keyword {
            if (!text.matches("[A-Za-z_][A-Za-z0-9_.()\\[\\]-]*")) {
                throw new IllegalArgumentException("not a keyword: " + text);
            }
        }
    }

    /**
     * A tuple {@code [a, b]}.
     *
     * @param items the items
     */
    record Tuple(List<Expr> items) implements Expr {
        /** Copies. */
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /**
     * An object {@code { key = value }}; keys are literal strings, quoted in output when they are not identifiers.
     *
     * @param entries the entries, in order
     */
    record Obj(Map<String, Expr> entries) implements Expr {
        /** Copies, keeping order. */
        public Obj {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /**
     * A function call {@code name(args)}.
     *
     * @param name the function
     * @param args the arguments
     */
    record Call(String name, List<Expr> args) implements Expr {
        /** Checks the name and copies. */
        public Call {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("not a function name: " + name);
            }
            args = List.copyOf(args);
        }
    }

    /**
     * @param s text
     * @return a string literal
     */
    static Expr str(String s) {
        return new Literal(Objects.requireNonNull(s, "string"));
    }

    /**
     * @param n a number
     * @return a number literal
     */
    static Expr num(long n) {
        return new Literal(n);
    }

    /**
     * @param b a boolean
     * @return a bool literal
     */
    static Expr bool(boolean b) {
        return new Literal(b);
    }

    /**
     * @param traversal a traversal
     * @return a reference
     */
    static Expr ref(String traversal) {
        return new Ref(traversal);
    }

    /**
     * @param text a type constraint or static reference
     * @return a keyword
     */
    static Expr keyword(String text) {
        return new Keyword(text);
    }

    /**
     * @param parts texts and expressions
     * @return a template
     */
    static Expr template(Object... parts) {
        return new Template(Arrays.asList(parts));
    }

    /**
     * @param items items
     * @return a tuple
     */
    static Expr tuple(List<? extends Expr> items) {
        return new Tuple(List.copyOf(items));
    }

    /**
     * @param items items
     * @return a tuple
     */
    static Expr tuple(Expr... items) {
        return new Tuple(List.of(items));
    }

    /**
     * @param strings strings
     * @return a tuple of string literals
     */
    static Expr strings(List<String> strings) {
        return new Tuple(strings.stream().map(Expr::str).toList());
    }

    /**
     * @param name a function
     * @param args arguments
     * @return a call
     */
    static Expr call(String name, Expr... args) {
        return new Call(name, List.of(args));
    }

    /**
     * @param kv alternating keys ({@link String}) and values ({@link Expr})
     * @return an object
     */
    static Expr obj(Object... kv) {
        Map<String, Expr> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Expr) kv[i + 1]);
        }
        return new Obj(m);
    }
}
