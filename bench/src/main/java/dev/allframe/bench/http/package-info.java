/** The two servers the HTTP throughput benchmark ({@code bench/http-bench.sh}) compares. */
package dev.allframe.bench.http;
