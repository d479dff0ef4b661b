/**
 * Message-handler entry points, read by {@code allframe-processor}: {@link dev.allframe.handler.annotation.HandleCommand
 * @HandleCommand} and {@link dev.allframe.handler.annotation.HandleQuery @HandleQuery} methods,
 * {@link dev.allframe.handler.annotation.ProjectionHandler @ProjectionHandler} classes and
 * {@link dev.allframe.handler.annotation.SagaHandler @SagaHandler} {@code @Provides} methods. The declaring class becomes a singleton
 * component; the handler appears among the entry points of {@code META-INF/allframe/graph.json}, from which the
 * infrastructure model derives permissions. The annotations name no CQRS type, so they hold whatever the buses'
 * signatures become; the generated bus and registry registrations are described in the processor's README.
 */
package dev.allframe.handler.annotation;
