/**
 * A stand-in CRaC implementation for tests on JDKs without CRaC (such as Temurin): {@code org.crac} loads it when a
 * JVM runs with {@code -Dorg.crac.Core.Compat=dev.allframe.testkit.lambda.crac}, so resources registered through
 * {@code org.crac.Core.getGlobalContext()} are kept, and {@code org.crac.Core.checkpointRestore()} runs their
 * {@code beforeCheckpoint} and {@code afterRestore} hooks in CRaC's order. No checkpoint is taken and nothing is
 * restored: the process simply goes on. It tests what a SnapStart hook does before and after a snapshot, not the
 * snapshot itself.
 */
package dev.allframe.testkit.lambda.crac;
