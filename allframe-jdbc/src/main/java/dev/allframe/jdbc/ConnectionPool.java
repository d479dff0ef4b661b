package dev.allframe.jdbc;

import dev.allframe.eventstore.EventStoreException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small bounded pool: connections are opened on demand up to a maximum and reused. Enough for an embedded
 * store and a handful of writers without a pooling library.
 */
final class ConnectionPool implements AutoCloseable {
    /** Opens a configured connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final int max;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    ConnectionPool(Opener opener, int max) {
        this.opener = opener;
        this.max = max;
        this.idle = new ArrayBlockingQueue<>(max);
    }

    <T> T with(SqlFunction<T> work) {
        Connection c = borrow();
        boolean broken = false;
        try {
            return work.apply(c);
        } catch (SQLException e) {
            broken = isBroken(c);
            throw new EventStoreException("Database error: " + e.getMessage(), e);
        } finally {
            release(c, broken);
        }
    }

    /** Runs work in a transaction; rolls back on any failure. */
    <T> T inTransaction(SqlFunction<T> work) {
        return with(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private Connection borrow() {
        if (closed) {
            throw new EventStoreException("The store is closed");
        }
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        synchronized (all) {
            if (all.size() < max) {
                try {
                    Connection opened = opener.open();
                    all.add(opened);
                    return opened;
                } catch (SQLException e) {
                    throw new EventStoreException("Cannot open a database connection: " + e.getMessage(), e);
                }
            }
        }
        try {
            c = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for a database connection", e);
        }
        if (c == null) {
            throw new EventStoreException("No database connection free after 30 s (pool size " + max + ")");
        }
        return c;
    }

    private void release(Connection c, boolean broken) {
        if (broken || closed) {
            synchronized (all) {
                all.remove(c);
            }
            quietClose(c);
            return;
        }
        idle.offer(c);
    }

    private static boolean isBroken(Connection c) {
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void quietClose(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing more to do
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (all) {
            all.forEach(ConnectionPool::quietClose);
            all.clear();
        }
        idle.clear();
    }
}
