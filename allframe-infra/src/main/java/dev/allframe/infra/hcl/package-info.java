/**
 * A small model of HCL (bodies, blocks, attributes and expressions) and two writers over it:
 * {@link dev.allframe.infra.hcl.HclWriter} (native syntax, formatted exactly as {@code terraform fmt} does) and
 * {@link dev.allframe.infra.hcl.TerraformJsonWriter} (Terraform's JSON syntax). User values only ever enter
 * output as string literals, escaped by the writers ({@code "}, {@code \}, control characters, <code>${</code> and
 * <code>%{</code>), never by concatenating text.
 */
package dev.allframe.infra.hcl;
