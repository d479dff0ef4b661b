/**
 * Health checks: named liveness and readiness probes that doors expose (the HTTP server as {@code /live},
 * {@code /ready} and {@code /health}) so an orchestrator knows when to restart a process or route traffic to it.
 */
package dev.allframe.health;
