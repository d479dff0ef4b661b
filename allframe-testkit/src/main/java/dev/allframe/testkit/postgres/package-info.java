/** A real PostgreSQL server for tests, started from the machine's binaries on a free loopback port. */
package dev.allframe.testkit.postgres;
