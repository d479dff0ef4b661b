/**
 * The conformance kit of {@link dev.allframe.idempotency.IdempotencyStore} implementations
 * ({@link dev.allframe.testkit.idempotency.IdempotencyStoreContract}).
 */
package dev.allframe.testkit.idempotency;
