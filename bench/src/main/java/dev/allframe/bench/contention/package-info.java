/** Concurrency conflicts: how many concurrent writers to one stream end in a 409, per retry policy and backend. */
package dev.allframe.bench.contention;
