package dev.allframe.jdbc;

import java.util.List;

/** What differs between SQLite and PostgreSQL: column types, the append lock and the upsert syntax. */
enum Dialect {
    SQLITE("INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB", null),
    /*
     * The transaction-scoped advisory lock serialises appends, so global positions (bigserial) are allocated and
     * committed in the same order: a reader that sees position p also sees every committed position below p. Locks
     * are released after the commit becomes visible, so the next writer's positions are always later.
     */
    POSTGRES("BIGSERIAL PRIMARY KEY", "BYTEA", "SELECT pg_advisory_xact_lock(7305417, 1)");

    final String serialKey;
    final String bytes;
    final String appendLock;

    Dialect(String serialKey, String bytes, String appendLock) {
        this.serialKey = serialKey;
        this.bytes = bytes;
        this.appendLock = appendLock;
    }

    List<String> schema() {
        return List.of(
                "CREATE TABLE IF NOT EXISTS af_events (global_position " + serialKey + ", stream_id TEXT NOT NULL,"
                        + " version BIGINT NOT NULL, type TEXT NOT NULL, payload " + bytes + " NOT NULL,"
                        + " metadata TEXT NOT NULL, created_ms BIGINT NOT NULL, UNIQUE (stream_id, version))",
                "CREATE TABLE IF NOT EXISTS af_snapshots (stream_id TEXT PRIMARY KEY, version BIGINT NOT NULL,"
                        + " payload " + bytes + " NOT NULL, created_ms BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS af_checkpoints (name TEXT PRIMARY KEY, position BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS af_sagas (saga_name TEXT NOT NULL, saga_id TEXT NOT NULL,"
                        + " status TEXT NOT NULL, step INTEGER NOT NULL, phase TEXT NOT NULL, data TEXT NOT NULL,"
                        + " deadline_ms BIGINT, error TEXT, PRIMARY KEY (saga_name, saga_id))",
                "CREATE INDEX IF NOT EXISTS af_sagas_status ON af_sagas (saga_name, status)",
                "CREATE TABLE IF NOT EXISTS af_dead_letters (consumer TEXT NOT NULL, stream_id TEXT NOT NULL,"
                        + " version BIGINT NOT NULL, global_position BIGINT NOT NULL, type TEXT NOT NULL,"
                        + " payload " + bytes + " NOT NULL, error_class TEXT NOT NULL, error_message TEXT NOT NULL,"
                        + " attempts INTEGER NOT NULL, parked_ms BIGINT NOT NULL,"
                        + " PRIMARY KEY (consumer, stream_id, version))",
                "CREATE TABLE IF NOT EXISTS af_idempotency (idem_key TEXT PRIMARY KEY, token TEXT NOT NULL,"
                        + " completed INTEGER NOT NULL, expires_ms BIGINT NOT NULL)");
    }
}
