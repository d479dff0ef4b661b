/**
 * The Lambda cold-start harness ({@link dev.allframe.bench.coldstart.ColdStartHarness}) and the handlers it
 * compares: a plain Jackson handler, a plain Avaje Jsonb handler and an AllFrame handler. Run it with
 * {@code bench/coldstart.sh}; it is not part of {@code mvn verify}.
 */
package dev.allframe.bench.coldstart;
