/**
 * Logs that Cloud Logging understands: a {@link java.util.logging} handler writing one JSON object per line to
 * standard output (severity, message, time, trace and span of the current request, service labels), switched on by
 * {@link dev.allframe.server.logging.CloudLogging#installFromEnvironment(java.util.Map)} when the process runs on
 * Cloud Run ({@code K_SERVICE} set) or {@code ALLFRAME_LOG_FORMAT=json}. {@code System.Logger} routes to
 * {@code java.util.logging} by default, so framework and application logs both come out as JSON without a logging
 * library.
 */
package dev.allframe.server.logging;
