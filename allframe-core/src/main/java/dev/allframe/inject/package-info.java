/**
 * Compile-time dependency injection: the annotations AllFrame adds to the standard {@code jakarta.inject} ones,
 * and the small run-time API the generated container uses.
 *
 * <p>Components are classes annotated {@code @jakarta.inject.Singleton} or with an {@code @Inject} constructor,
 * {@link dev.allframe.inject.Factory @Factory} classes and their {@link dev.allframe.inject.Provides @Provides}
 * methods, and controllers (classes with route methods). The {@code allframe-processor} reads them at build time
 * and writes one plain Java container per {@link dev.allframe.inject.AllFrameApplication @AllFrameApplication}
 * class: no reflection and no classpath scanning at run time. {@link dev.allframe.inject.EnvReader} and
 * {@link dev.allframe.inject.TextValues} convert environment and route-parameter text; the processor checks default
 * values with the same code.
 */
package dev.allframe.inject;
