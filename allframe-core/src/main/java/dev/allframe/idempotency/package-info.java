/**
 * Idempotent processing of redelivered messages: an {@link dev.allframe.idempotency.IdempotencyStore} records, per
 * message id, that a delivery is being processed (a claim with a lease) and then that it was processed (complete,
 * kept for a retention period). Implementations: in memory here, SQLite/PostgreSQL in {@code allframe-jdbc},
 * DynamoDB with TTL in {@code allframe-aws}.
 */
package dev.allframe.idempotency;
