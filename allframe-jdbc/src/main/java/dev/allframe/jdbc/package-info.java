/**
 * Durable stores over JDBC: the event store backend, snapshots, checkpoints and saga state on SQLite (the embedded
 * default: one file, WAL) and PostgreSQL. {@link dev.allframe.jdbc.JdbcStores} opens them from a store URL such as
 * {@code ALLFRAME_STORE=sqlite:data/app.db}.
 */
package dev.allframe.jdbc;
