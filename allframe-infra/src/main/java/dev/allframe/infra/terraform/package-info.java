/**
 * Terraform generation: {@link dev.allframe.infra.terraform.Terraform#emit} turns a model into the files of a root
 * module for AWS ({@link dev.allframe.infra.terraform.AwsWriter}) or GCP
 * ({@link dev.allframe.infra.terraform.GcpWriter}), in HCL or Terraform JSON, each starting with a header that names
 * the source and a content hash; {@link dev.allframe.infra.terraform.InfraPlan} compares them with a directory
 * (drift, and the resources that would be added, changed or removed).
 */
package dev.allframe.infra.terraform;
