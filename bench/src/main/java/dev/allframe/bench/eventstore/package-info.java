/** JMH benchmarks of the event store backends: append and read throughput. */
package dev.allframe.bench.eventstore;
