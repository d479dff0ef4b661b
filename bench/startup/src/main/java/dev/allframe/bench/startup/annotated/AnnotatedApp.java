package dev.allframe.bench.startup.annotated;

import dev.allframe.inject.AllFrameApplication;

/** The application; the processor generates {@code AnnotatedAppContainer}. */
@AllFrameApplication
public final class AnnotatedApp {
    private AnnotatedApp() {
    }
}
