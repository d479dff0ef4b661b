package dev.allframe.bench.startup.annotated;

import dev.allframe.bench.startup.FirstRequest;

/** Starts the annotated application and serves its first request. */
public final class Main {
    private Main() {
    }

    /** @param args unused */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try (AnnotatedAppContainer app = AnnotatedAppContainer.create()) {
            FirstRequest.serve("annotated", app.router(), start);
        }
    }
}
