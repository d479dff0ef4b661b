package dev.allframe.infra.terraform;

import dev.allframe.infra.hcl.Body;
import dev.allframe.infra.hcl.Expr;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.allframe.infra.hcl.Expr.obj;
import static dev.allframe.infra.hcl.Expr.str;

/**
 * What every root-module writer (AWS, GCP) emits the same way: the four files, the {@code terraform} block, outputs
 * and the error for a resource whose provider the writer does not generate.
 */
final class ModuleParts {
    /** The oldest Terraform the generated modules are written for ({@code terraform test}, {@code import} blocks). */
    static final String TERRAFORM_VERSION = ">= 1.5";

    private ModuleParts() {
    }

    /** @return the module's files by name (without extension), in writing order */
    static Map<String, Body> files(Body versions, Body variables, Body main, Body outputs) {
        Map<String, Body> files = new LinkedHashMap<>();
        files.put("versions", versions);
        files.put("variables", variables);
        files.put("main", main);
        files.put("outputs", outputs);
        return files;
    }

    /**
     * @param provider the provider's local name ({@code aws})
     * @param source its registry address ({@code hashicorp/aws})
     * @param version its version constraint
     * @return the {@code terraform} block with the Terraform and provider constraints
     */
    static Body.BlockBuilder terraform(String provider, String source, String version) {
        return Body.block("terraform")
                .attr("required_version", TERRAFORM_VERSION)
                .block(Body.block("required_providers")
                        .attr(provider, obj("source", str(source), "version", str(version))));
    }

    static void output(Body.Builder b, String name, String description, Expr value) {
        b.block(Body.block("output", name).attr("description", description).attr("value", value));
    }

    /**
     * @param what the resource kind ({@code event store})
     * @param name its name
     * @param provider the provider it asks for
     * @param writer the writer ({@code AWS})
     * @param use what to use instead ({@code dynamodb or auto})
     * @return the error to throw
     */
    static IllegalArgumentException unsupported(String what, String name, String provider, String writer,
                                                String use) {
        return new IllegalArgumentException(what + " \"" + name + "\" uses provider \"" + provider + "\", which the "
                + writer + " writer does not generate; use " + use);
    }
}
