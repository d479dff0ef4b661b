/**
 * Infrastructure annotations: what a service needs from its cloud, said once in the code. The annotation processor
 * ({@code allframe-processor}) reads them at compile time, together with the dependency graph, and writes the model
 * {@code META-INF/allframe/infra.json}; {@code allframe-infra} turns that model into Terraform with least-privilege
 * IAM. Nothing here is read at run time (retention {@code CLASS}: visible to processors of later compilations, never
 * to reflection).
 *
 * <p>Resources are declared once, by name, on any type of the application (a configuration class is a good home):
 * {@link dev.allframe.infra.annotations.EventStore}, {@link dev.allframe.infra.annotations.Queue},
 * {@link dev.allframe.infra.annotations.EventBus}, {@link dev.allframe.infra.annotations.Bucket}. Deployables are
 * declared on their root component: {@link dev.allframe.infra.annotations.LambdaFunction} and
 * {@link dev.allframe.infra.annotations.CloudRunService}; what triggers them with
 * {@link dev.allframe.infra.annotations.Subscribes}. Components say which resources they use, and how, with
 * {@link dev.allframe.infra.annotations.Uses} on the injection point (field, constructor parameter) or on the
 * component type. A deployable's permissions are the union of the {@code @Uses} of every component reachable from
 * its root in the dependency graph: what the code does not inject, the policy does not grant.
 */
package dev.allframe.infra.annotations;
