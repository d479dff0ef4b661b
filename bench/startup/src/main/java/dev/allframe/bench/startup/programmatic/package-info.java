/** The benchmark application wired by hand with the router builder: the baseline. */
package dev.allframe.bench.startup.programmatic;
