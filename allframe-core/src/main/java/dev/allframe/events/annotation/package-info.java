/**
 * Where a command comes from when it arrives as an event rather than an HTTP request: put
 * {@link dev.allframe.events.annotation.FromEventBridge}, {@link dev.allframe.events.annotation.FromQueue} or
 * {@link dev.allframe.events.annotation.FromTopic} on a command type, and the build derives the event routing
 * table of the Lambda event door ({@code dev.allframe.lambda.events.EventRoutes}); the same table can be written
 * by hand with {@code EventRoutes.builder()}. Class retention: read at compile time, never by reflection.
 */
package dev.allframe.events.annotation;
