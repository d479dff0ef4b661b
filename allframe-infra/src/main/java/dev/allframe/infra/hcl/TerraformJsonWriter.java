package dev.allframe.infra.hcl;

import dev.allframe.infra.internal.MiniJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a body in Terraform's JSON syntax ({@code *.tf.json}). Strings are templates there too, so literal text
 * is escaped the same way (<code>${</code> becomes <code>$${</code>); references and calls become {@code "${...}"};
 * keywords (types, {@code depends_on} entries) become plain strings. Labeled blocks nest as objects keyed by their
 * labels; unlabeled nested blocks are arrays of objects.
 */
public final class TerraformJsonWriter {
    private TerraformJsonWriter() {
    }

    /**
     * @param comment a comment, written as the top-level {@code "//"} property Terraform ignores; null for none
     * @param body a file's body
     * @return the JSON text, ending in a newline
     */
    public static String write(String comment, Body body) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (comment != null) {
            root.put("//", comment);
        }
        fill(root, body, true);
        return MiniJson.write(root);
    }

    @SuppressWarnings("unchecked")
    private static void fill(Map<String, Object> target, Body body, boolean top) {
        for (Body.Item item : body.items()) {
            switch (item) {
                case Body.Attribute a -> target.put(a.name(), value(a.value()));
                case Body.Block b -> {
                    Map<String, Object> content = new LinkedHashMap<>();
                    fill(content, b.body(), false);
                    if (b.labels().isEmpty()) {
                        if (top) {
                            Object existing = target.get(b.type());
                            if (existing == null) {
                                target.put(b.type(), content);
                            } else if (existing instanceof List<?> l) {
                                ((List<Object>) l).add(content);
                            } else {
                                List<Object> l = new ArrayList<>();
                                l.add(existing);
                                l.add(content);
                                target.put(b.type(), l);
                            }
                        } else {
                            ((List<Object>) target.computeIfAbsent(b.type(), k -> new ArrayList<>())).add(content);
                        }
                        continue;
                    }
                    Map<String, Object> level = (Map<String, Object>) target.computeIfAbsent(b.type(),
                            k -> new LinkedHashMap<>());
                    List<String> labels = b.labels();
                    for (int i = 0; i < labels.size() - 1; i++) {
                        level = (Map<String, Object>) level.computeIfAbsent(labels.get(i),
                                k -> new LinkedHashMap<>());
                    }
                    String last = labels.getLast();
                    if (level.containsKey(last)) {
                        throw new IllegalArgumentException("duplicate block " + b.address());
                    }
                    level.put(last, content);
                }
            }
        }
    }

    private static Object value(Expr e) {
        return switch (e) {
            case Expr.Literal l -> l.value() instanceof String s ? jsonText(s) : l.value();
            case Expr.Template t -> {
                StringBuilder sb = new StringBuilder();
                List<Object> parts = t.parts();
                for (int i = 0; i < parts.size(); i++) {
                    Object p = parts.get(i);
                    if (p instanceof String s && i + 1 < parts.size() && s.endsWith("$")) {
                        // "$" right before "${" would read as the escape "$${": write it as an interpolation.
                        sb.append(jsonText(s.substring(0, s.length() - 1))).append("${\"$\"}");
                    } else if (p instanceof String s) {
                        sb.append(jsonText(s));
                    } else {
                        sb.append("${").append(HclWriter.inline((Expr) p)).append('}');
                    }
                }
                yield sb.toString();
            }
            case Expr.Ref r -> "${" + r.traversal() + "}";
            case Expr.Keyword k -> k.text();
            case Expr.Call c -> "${" + HclWriter.inline(c) + "}";
            case Expr.Tuple t -> {
                List<Object> out = new ArrayList<>();
                t.items().forEach(i -> out.add(value(i)));
                yield out;
            }
            case Expr.Obj o -> {
                Map<String, Object> out = new LinkedHashMap<>();
                o.entries().forEach((k, v) -> out.put(jsonText(k), value(v)));
                yield out;
            }
        };
    }

    /** Literal text inside a JSON-syntax template: only the template introducers need escaping. */
    private static String jsonText(String s) {
        return s.replace("${", "$${").replace("%{", "%%{");
    }
}
