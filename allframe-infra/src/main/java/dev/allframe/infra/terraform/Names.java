package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.Expr;

import java.util.Locale;

/** Naming shared by the writers: Terraform local names and prefixed physical names. */
final class Names {
    private Names() {
    }

    /** A logical name (lower case, digits, hyphens) as a Terraform local name. */
    static String local(String name) {
        return name.replace('-', '_');
    }

    /** {@code "${var.name_prefix}NAME"}. */
    static Expr prefixed(String name) {
        return Expr.template(Expr.ref("var.name_prefix"), name);
    }

    /** A route as a local-name fragment: {@code POST /orders/{id}} -> {@code post_orders_id}. */
    static String route(String method, String path) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return method.toLowerCase(Locale.ROOT) + (p.isEmpty() ? "_root" : "_" + p);
    }
}
