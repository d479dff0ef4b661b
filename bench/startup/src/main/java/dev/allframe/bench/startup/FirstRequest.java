package dev.allframe.bench.startup;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

/** Serves the first request of an application through its router, as every door does, and reports the time. */
public final class FirstRequest {
    private FirstRequest() {
    }

    /**
     * @param variant the wiring's name
     * @param router the application
     * @param startNanos {@link System#nanoTime()} at the start of {@code main}
     * @throws IllegalStateException if the application does not answer 201
     */
    public static void serve(String variant, Router router, long startNanos) {
        Response r = router.handle(Request.builder(HttpMethod.POST, "/orders")
                .header("content-type", "application/json")
                .body("{\"customer\":\"ada\",\"items\":[\"tea\",\"cake\"]}")
                .build());
        long micros = (System.nanoTime() - startNanos) / 1000;
        if (r.status() != 201 || !r.bodyAsString().contains("\"customer\":\"ada\"")) {
            throw new IllegalStateException(variant + " answered " + r + ": " + r.bodyAsString());
        }
        System.out.println(variant + " main-to-first-response-us " + micros);
    }
}
