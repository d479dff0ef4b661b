package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.Body;
import dev.allframe.infra.hcl.Expr;
import dev.allframe.infra.hcl.HclWriter;
import dev.allframe.infra.hcl.TerraformJsonWriter;
import dev.allframe.infra.internal.MiniJson;
import dev.allframe.testkit.TerraformCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.allframe.infra.hcl.Expr.call;
import static dev.allframe.infra.hcl.Expr.obj;
import static dev.allframe.infra.hcl.Expr.ref;
import static dev.allframe.infra.hcl.Expr.str;
import static dev.allframe.infra.hcl.Expr.template;
import static dev.allframe.infra.hcl.Expr.tuple;
import static org.assertj.core.api.Assertions.assertThat;

/** What terraform itself makes of the writers' output: values round-trip exactly, and fmt changes nothing. */
class HclSemanticsTerraformTest {
    static final List<String> TRICKY = List.of(
            "plain", "quote \" and backslash \\", "${var.not_interpolated}", "%{ if true }directive%{ endif }",
            "$${already escaped}", "ends with $", "ends with %", "line\nbreak\r\ttab", "grüße 😀 \u0001",
            "{\"json\": [1, 2]}", "$", "%", "\\${x}",
            "backspace \b form feed \f delete \u007f separators \u2028\u2029");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} syntax keeps user strings literal")
    @ValueSource(strings = {"hcl", "json"})
    @SuppressWarnings("unchecked")
    void user_strings_round_trip_exactly_through_terraform(String syntax) throws Exception {
        TerraformCli tf = TerraformCli.require("check how terraform reads escaped strings");
        Body.Builder b = Body.builder()
                .block(Body.block("variable", "amount").attr("type", Expr.keyword("string")).attr("default", "5"));
        for (int i = 0; i < TRICKY.size(); i++) {
            b.block(Body.block("output", "s" + i).attr("value", str(TRICKY.get(i))));
        }
        b.block(Body.block("output", "dollar_before_interpolation")
                .attr("value", template("price $", ref("var.amount"), " ${not} $")));
        Map<String, Expr> keys = new LinkedHashMap<>();
        keys.put("${k}", str("v"));
        keys.put("detail-type", str("w"));
        b.block(Body.block("output", "keys").attr("value", new Expr.Obj(keys)));
        b.block(Body.block("output", "call").attr("value", call("jsonencode", obj("a", tuple(str("${x}"), str("%{y}"))))));
        Body body = b.buildBody();
        if (syntax.equals("hcl")) {
            Files.writeString(dir.resolve("main.tf"), HclWriter.write(body));
        } else {
            Files.writeString(dir.resolve("main.tf.json"), TerraformJsonWriter.write("test", body));
        }
        tf.run(dir, "init", "-backend=false", "-input=false");
        tf.run(dir, "apply", "-auto-approve", "-input=false", "-lock=false", "-no-color");
        Map<String, Object> out = (Map<String, Object>) MiniJson.parse(tf.run(dir, "output", "-json"));
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(((Map<String, Object>) out.get("s" + i)).get("value")).as("s" + i).isEqualTo(TRICKY.get(i));
        }
        assertThat(((Map<String, Object>) out.get("dollar_before_interpolation")).get("value"))
                .isEqualTo("price $5 ${not} $");
        assertThat(((Map<String, Object>) out.get("keys")).get("value"))
                .isEqualTo(Map.of("${k}", "v", "detail-type", "w"));
        assertThat(((Map<String, Object>) out.get("call")).get("value")).isEqualTo("{\"a\":[\"${x}\",\"%{y}\"]}");
    }

    @Test
    void terraform_fmt_leaves_a_tricky_document_unchanged() throws Exception {
        TerraformCli tf = TerraformCli.require("check that the writer formats as terraform fmt does");
        Map<String, Expr> m = new LinkedHashMap<>();
        m.put("ü", Expr.num(1));
        m.put("ab", Expr.num(2));
        m.put("detail-type", Expr.strings(List.of("A", "B")));
        m.put("nested", obj("x", str("1"), "longer", obj("deep", Expr.bool(true))));
        m.put("after", str("z"));
        Body body = Body.builder()
                .block(Body.block("locals")
                        .attr("a", 1)
                        .attr("long_name", new Expr.Obj(m))
                        .attr("list", tuple(obj("k", str("v")), obj("k2", str("v2"), "k22", str("v"))))
                        .attr("short", call("merge", ref("var.x"), obj("Name", str("n"))))
                        .attr("empty_obj", obj())
                        .attr("empty_list", tuple())
                        .attr("z", Expr.bool(false))
                        .block(Body.block("ignored_block_is_not_valid_in_locals_but_fmt_does_not_care").attr("q", 1)))
                .block(Body.block("resource", "x", "y").block(Body.block("empty")))
                .buildBody();
        Files.writeString(dir.resolve("main.tf"), HclWriter.write(body));
        assertThat(tf.run(dir, "fmt", "-check", "-diff", "-no-color")).isEmpty();
    }
}
