/**
 * The infrastructure model: a typed IR of what an application needs ({@link dev.allframe.infra.model.InfraModel}),
 * read from and written to {@code META-INF/allframe/infra.json} (format in the module README), and checked by
 * {@link dev.allframe.infra.model.InfraValidator} / {@link dev.allframe.infra.model.InfraRules}, which the
 * annotation processor reuses so that bad values become compile errors naming the element.
 */
package dev.allframe.infra.model;
