package dev.allframe.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a borrowed connection. */
@FunctionalInterface
interface SqlFunction<T> {
    T apply(Connection connection) throws SQLException;
}
