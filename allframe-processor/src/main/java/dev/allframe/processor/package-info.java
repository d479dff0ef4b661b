/**
 * The AllFrame annotation processor. Readers ({@code ComponentReader}, {@code RouteReader}) turn
 * {@code javax.lang.model} elements into a small model; {@code Resolver} checks the wiring and reports mistakes on
 * the offending element; writers ({@code ContainerWriter}, {@code RoutesWriter}, {@code GraphWriter}) turn the model
 * into plain Java and {@code META-INF/allframe/graph.json}.
 */
package dev.allframe.processor;
