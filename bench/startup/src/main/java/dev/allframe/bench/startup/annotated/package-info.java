/** The benchmark application wired by the generated container and annotated routes. */
package dev.allframe.bench.startup.annotated;
