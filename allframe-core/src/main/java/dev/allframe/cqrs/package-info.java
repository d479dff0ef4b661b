/**
 * CQRS: {@link dev.allframe.cqrs.Command}s dispatched by the {@link dev.allframe.cqrs.CommandBus} to
 * {@link dev.allframe.cqrs.Decider}s (aggregates as pure functions) or stateless
 * {@link dev.allframe.cqrs.CommandHandler}s, {@link dev.allframe.cqrs.Query} objects answered by the
 * {@link dev.allframe.cqrs.QueryBus}, and the mapping of command failures to HTTP problems
 * ({@link dev.allframe.cqrs.CommandProblems}).
 */
package dev.allframe.cqrs;
