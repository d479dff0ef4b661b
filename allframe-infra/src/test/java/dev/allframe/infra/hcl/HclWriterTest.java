package dev.allframe.infra.hcl;

import org.junit.jupiter.api.Test;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HclWriterTest {

    @Test
    void escapes_quotes_backslashes_control_characters_and_template_introducers() {
        assertThat(HclWriter.escape("say \"hi\"\\ now")).isEqualTo("say \\\"hi\\\"\\\\ now");
        assertThat(HclWriter.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(HclWriter.escape("${var.secret} %{ if x }")).isEqualTo("$${var.secret} %%{ if x }");
        assertThat(HclWriter.escape("$$${x}")).isEqualTo("$$$${x}");
        assertThat(HclWriter.escape("cost: $5 and 100%")).isEqualTo("cost: $5 and 100%");
        assertThat(HclWriter.escape("bell\u0007")).isEqualTo("bell\\u0007");
        assertThat(HclWriter.escape("grüße 😀")).isEqualTo("grüße 😀");
    }

    @Test
    void escapes_what_hcl_has_no_short_form_for_and_what_utf8_would_lose() {
        // HCL has no \b or \f, so they are unicode escapes; DEL, the JavaScript line terminators and lone
        // surrogates too (a lone surrogate would be written to the UTF-8 file as '?').
        assertThat(HclWriter.escape("\b\f\u007f")).isEqualTo("\\u0008\\u000c\\u007f");
        assertThat(HclWriter.escape("a\u2028b")).isEqualTo("a\\u2028b");
        assertThat(HclWriter.escape("x\uD800y")).isEqualTo("x\\ud800y");
        // An escape next to a template introducer leaves the introducer escaped exactly once.
        assertThat(HclWriter.escape("\n${x}\"%{y}")).isEqualTo("\\n$${x}\\\"%%{y}");
    }

    @Test
    void a_user_value_can_never_become_an_interpolation() {
        Body b = Body.builder().attr("x", str("${file(\"/etc/passwd\")}")).buildBody();
        assertThat(HclWriter.write(b)).isEqualTo("x = \"$${file(\\\"/etc/passwd\\\")}\"\n");
    }

    @Test
    void a_dollar_right_before_an_interpolation_is_written_so_it_stays_literal() {
        assertThat(HclWriter.inline(template("price $", ref("var.amount"))))
                .isEqualTo("\"price ${\"$\"}${var.amount}\"");
    }

    @Test
    void aligns_equals_signs_in_a_run_of_single_line_attributes() {
        Body b = Body.builder().block(Body.block("resource", "t", "n")
                .attr("a", 1)
                .attr("longer_name", "x")
                .attr("mid", true)).buildBody();
        assertThat(HclWriter.write(b)).isEqualTo("""
                resource "t" "n" {
                  a           = 1
                  longer_name = "x"
                  mid         = true
                }
                """);
    }

    @Test
    void a_multi_line_value_ends_the_alignment_group_as_terraform_fmt_does() {
        Body b = Body.builder().block(Body.block("resource", "t", "n")
                .attr("name", "x")
                .attr("tags", obj("Name", str("n"), "LongerKey", str("v")))
                .attr("a_much_longer_name", 2)
                .attr("b", 3)).buildBody();
        assertThat(HclWriter.write(b)).isEqualTo("""
                resource "t" "n" {
                  name = "x"
                  tags = {
                    Name      = "n"
                    LongerKey = "v"
                  }
                  a_much_longer_name = 2
                  b                  = 3
                }
                """);
    }

    @Test
    void nested_blocks_are_separated_by_blank_lines_and_empty_ones_close_on_the_same_line() {
        Body b = Body.builder()
                .block(Body.block("a").attr("x", 1).block(Body.block("inner").attr("y", 2)).block(Body.block("empty")))
                .block(Body.block("b", "label with \"quote\"")).buildBody();
        assertThat(HclWriter.write(b)).isEqualTo("""
                a {
                  x = 1

                  inner {
                    y = 2
                  }

                  empty {}
                }

                b "label with \\"quote\\"" {}
                """);
    }

    @Test
    void function_calls_with_an_object_argument_and_tuples_of_objects_indent_one_level_per_line() {
        Body b = Body.builder().attr("policy", call("jsonencode", obj(
                "Version", str("2012-10-17"),
                "Statement", tuple(obj("Effect", str("Allow"), "Action", Expr.strings(List.of("a:B", "c:D")))))))
                .buildBody();
        assertThat(HclWriter.write(b)).isEqualTo("""
                policy = jsonencode({
                  Version = "2012-10-17"
                  Statement = [
                    {
                      Effect = "Allow"
                      Action = ["a:B", "c:D"]
                    },
                  ]
                })
                """);
    }

    @Test
    void object_keys_that_are_not_plain_identifiers_or_are_keywords_are_quoted() {
        Map<String, Expr> m = new LinkedHashMap<>();
        m.put("detail-type", str("x"));
        m.put("for", str("y"));
        m.put("ok_key", str("z"));
        m.put("${x}", str("w"));
        assertThat(HclWriter.write(Body.builder().attr("o", new Expr.Obj(m)).buildBody())).isEqualTo("""
                o = {
                  "detail-type" = "x"
                  "for"         = "y"
                  ok_key        = "z"
                  "$${x}"       = "w"
                }
                """);
    }

    @Test
    void alignment_counts_characters_not_bytes() {
        Map<String, Expr> m = new LinkedHashMap<>();
        m.put("ü", Expr.num(1));
        m.put("ab", Expr.num(2));
        assertThat(HclWriter.write(Body.builder().attr("o", new Expr.Obj(m)).buildBody())).isEqualTo("""
                o = {
                  "ü" = 1
                  ab  = 2
                }
                """);
    }

    @Test
    void only_the_last_argument_of_a_call_may_span_lines() {
        Body b = Body.builder().attr("x", call("merge", obj("a", str("b")), ref("var.tags"))).buildBody();
        assertThatThrownBy(() -> HclWriter.write(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only the last argument of merge(...) may span lines");
    }

    @Test
    void rejects_names_and_references_that_are_not_hcl_syntax() {
        assertThatThrownBy(() -> Body.builder().attr("bad name", 1)).hasMessageContaining("not an attribute name");
        assertThatThrownBy(() -> ref("var.x; rm -rf")).hasMessageContaining("not a traversal");
        assertThatThrownBy(() -> Body.block("bad-type!")).hasMessageContaining("not a block type");
    }

    @Test
    void json_syntax_escapes_template_introducers_and_writes_references_as_interpolations() {
        Body b = Body.builder()
                .block(Body.block("resource", "aws_sqs_queue", "q")
                        .attr("name", template(ref("var.name_prefix"), "q-${x}"))
                        .attr("tags", obj("Note", str("100%{ok}")))
                        .attr("depends_on", tuple(Expr.keyword("aws_iam_role.r")))
                        .block(Body.block("nested").attr("n", 1))
                        .block(Body.block("nested").attr("n", 2)))
                .block(Body.block("variable", "tags").attr("type", Expr.keyword("map(string)")))
                .buildBody();
        assertThat(TerraformJsonWriter.write("generated", b)).isEqualTo("""
                {
                  "//": "generated",
                  "resource": {
                    "aws_sqs_queue": {
                      "q": {
                        "name": "${var.name_prefix}q-$${x}",
                        "tags": {
                          "Note": "100%%{ok}"
                        },
                        "depends_on": [
                          "aws_iam_role.r"
                        ],
                        "nested": [
                          {
                            "n": 1
                          },
                          {
                            "n": 2
                          }
                        ]
                      }
                    }
                  },
                  "variable": {
                    "tags": {
                      "type": "map(string)"
                    }
                  }
                }
                """);
    }
}
