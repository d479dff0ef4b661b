package dev.allframe.infra.hcl;

import dev.allframe.json.JsonStrings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes HCL native syntax formatted exactly as {@code terraform fmt} leaves it: two-space indents, one space
 * around {@code =}, and the {@code =} of consecutive single-line attributes aligned (a multi-line value, a block
 * or a blank line ends such a group, as in hclwrite). Blank lines separate top-level blocks, and a block's
 * attributes from its nested blocks and nested blocks from each other. Non-empty objects are always written over
 * several lines; tuples are written on one line unless an item needs several.
 */
public final class HclWriter {
    private static final Set<String> KEYWORDS = Set.of("for", "in", "if", "endif", "endfor", "true", "false",
            "null");

    private HclWriter() {
    }

    /**
     * @param body a file's body
     * @return the text, ending in one newline
     */
    public static String write(Body body) {
        StringBuilder sb = new StringBuilder();
        body(sb, body, 0, true);
        return sb.toString();
    }

    /**
     * Writes one expression on one line (as inside {@code ${...}}), objects as {@code {a = 1, b = 2}}.
     *
     * @param e an expression
     * @return the text
     */
    public static String inline(Expr e) {
        StringBuilder sb = new StringBuilder();
        inline(sb, e);
        return sb.toString();
    }

    /**
     * Escapes text for the inside of a quoted HCL string (template) literal: the JSON escapes of
     * {@link JsonStrings} (HCL reads the same {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and
     * {@code \}{@code uNNNN}), and the template introducers <code>$&#123;</code> and <code>%&#123;</code> doubled,
     * so they stay literal.
     *
     * @param s the text
     * @return the escaped text, without quotes
     */
    public static String escape(String s) {
        // JSON escaping never writes '$', '%' or '{', so every "${" or "%{" left is one the text had.
        return JsonStrings.escape(new StringBuilder(s.length() + 8), s).toString()
                .replace("${", "$${").replace("%{", "%%{");
    }

    private static void body(StringBuilder sb, Body body, int level, boolean top) {
        List<Body.Item> items = body.items();
        int i = 0;
        Body.Item previous = null;
        while (i < items.size()) {
            Body.Item item = items.get(i);
            if (previous != null && (item instanceof Body.Block || previous instanceof Body.Block)) {
                sb.append('\n');
            }
            if (item instanceof Body.Block b) {
                block(sb, b, level);
                previous = b;
                i++;
                continue;
            }
            // A run of attributes: align the single-line ones in chains.
            List<Map.Entry<String, Expr>> run = new ArrayList<>();
            while (i < items.size() && items.get(i) instanceof Body.Attribute a) {
                run.add(Map.entry(a.name(), a.value()));
                i++;
            }
            entries(sb, run, level, false);
            previous = items.get(i - 1);
        }
    }

    private static void block(StringBuilder sb, Body.Block b, int level) {
        indent(sb, level);
        sb.append(b.type());
        for (String label : b.labels()) {
            sb.append(" \"").append(escape(label)).append('"');
        }
        if (b.body().items().isEmpty()) {
            sb.append(" {}\n");
            return;
        }
        sb.append(" {\n");
        body(sb, b.body(), level + 1, false);
        indent(sb, level);
        sb.append("}\n");
    }

    /** Writes attribute-like entries, one per line, aligning chains of single-line ones. */
    private static void entries(StringBuilder sb, List<Map.Entry<String, Expr>> entries, int level, boolean keys) {
        int k = 0;
        while (k < entries.size()) {
            if (multiline(entries.get(k).getValue())) {
                Map.Entry<String, Expr> e = entries.get(k);
                indent(sb, level);
                sb.append(keys ? key(e.getKey()) : e.getKey()).append(" = ");
                multi(sb, e.getValue(), level);
                sb.append('\n');
                k++;
                continue;
            }
            int end = k;
            int width = 0;
            while (end < entries.size() && !multiline(entries.get(end).getValue())) {
                String name = keys ? key(entries.get(end).getKey()) : entries.get(end).getKey();
                width = Math.max(width, columns(name));
                end++;
            }
            for (int j = k; j < end; j++) {
                Map.Entry<String, Expr> e = entries.get(j);
                String name = keys ? key(e.getKey()) : e.getKey();
                indent(sb, level);
                sb.append(name).append(" ".repeat(width - columns(name) + 1)).append("= ");
                inline(sb, e.getValue());
                sb.append('\n');
            }
            k = end;
        }
    }

    /** terraform fmt measures a cell in characters (code points), not bytes: checked with "ü" keys. */
    private static int columns(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean multiline(Expr e) {
        return switch (e) {
            case Expr.Obj o -> !o.entries().isEmpty();
            case Expr.Tuple t -> t.items().stream().anyMatch(HclWriter::multiline);
            case Expr.Call c -> c.args().stream().anyMatch(HclWriter::multiline);
            default -> false;
        };
    }

    /** Writes a multi-line expression whose first line is already started; ends without a newline. */
    private static void multi(StringBuilder sb, Expr e, int level) {
        switch (e) {
            case Expr.Obj o -> {
                sb.append("{\n");
                entries(sb, new ArrayList<>(o.entries().entrySet()), level + 1, true);
                indent(sb, level);
                sb.append('}');
            }
            case Expr.Tuple t -> {
                sb.append("[\n");
                for (Expr item : t.items()) {
                    indent(sb, level + 1);
                    if (multiline(item)) {
                        multi(sb, item, level + 1);
                    } else {
                        inline(sb, item);
                    }
                    sb.append(",\n");
                }
                indent(sb, level);
                sb.append(']');
            }
            case Expr.Call c -> {
                for (int i = 0; i < c.args().size() - 1; i++) {
                    if (multiline(c.args().get(i))) {
                        throw new IllegalArgumentException("only the last argument of " + c.name()
                                + "(...) may span lines");
                    }
                }
                sb.append(c.name()).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    if (i == c.args().size() - 1) {
                        multi(sb, c.args().get(i), level);
                    } else {
                        inline(sb, c.args().get(i));
                    }
                }
                sb.append(')');
            }
            default -> inline(sb, e);
        }
    }

    private static void inline(StringBuilder sb, Expr e) {
        switch (e) {
            case Expr.Literal l -> literal(sb, l.value());
            case Expr.Template t -> {
                sb.append('"');
                List<Object> parts = t.parts();
                for (int i = 0; i < parts.size(); i++) {
                    Object p = parts.get(i);
                    if (p instanceof String s) {
                        boolean beforeInterpolation = i + 1 < parts.size();
                        if (beforeInterpolation && s.endsWith("$")) {
                            // "$" right before "${" would read as the escape "$${": write it as an interpolation.
                            sb.append(escape(s.substring(0, s.length() - 1)));
                            sb.append("${\"$\"}");
                        } else {
                            sb.append(escape(s));
                        }
                    } else {
                        sb.append("${");
                        inline(sb, (Expr) p);
                        sb.append('}');
                    }
                }
                sb.append('"');
            }
            case Expr.Ref r -> sb.append(r.traversal());
            case Expr.Keyword k -> sb.append(k.text());
            case Expr.Tuple t -> {
                sb.append('[');
                for (int i = 0; i < t.items().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    inline(sb, t.items().get(i));
                }
                sb.append(']');
            }
            case Expr.Obj o -> {
                if (o.entries().isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{ ");
                int i = 0;
                for (Map.Entry<String, Expr> en : o.entries().entrySet()) {
                    if (i++ > 0) {
                        sb.append(", ");
                    }
                    sb.append(key(en.getKey())).append(" = ");
                    inline(sb, en.getValue());
                }
                sb.append(" }");
            }
            case Expr.Call c -> {
                sb.append(c.name()).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    inline(sb, c.args().get(i));
                }
                sb.append(')');
            }
        }
    }

    private static void literal(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append('"').append(escape(s)).append('"');
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else {
            sb.append(v);
        }
    }

    private static String key(String k) {
        if (k.matches("[A-Za-z_][A-Za-z0-9_]*") && !KEYWORDS.contains(k)) {
            return k;
        }
        return '"' + escape(k) + '"';
    }

    private static void indent(StringBuilder sb, int level) {
        sb.append("  ".repeat(level));
    }
}
