/** JMH benchmark of the Lambda door's warm per-event cost. */
package dev.allframe.bench.lambda;
