/** The benchmark application's domain, shared by both wirings. */
package dev.allframe.bench.startup.domain;
