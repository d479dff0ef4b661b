/**
 * Least-privilege IAM: {@link dev.allframe.infra.iam.IamDerivation} turns what a deployable uses (its dependency
 * graph's {@code @Uses}) and what feeds it (its subscriptions) into an {@link dev.allframe.infra.iam.IamPolicy} of
 * exact actions on exact resources. The mapping is documented in the module README.
 */
package dev.allframe.infra.iam;
