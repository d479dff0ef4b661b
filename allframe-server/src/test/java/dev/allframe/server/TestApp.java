package dev.allframe.server;

import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.util.Map;

/** The router the server tests talk to. */
final class TestApp {
    private TestApp() {
    }

    static Router router() {
        return Router.builder()
                .get("/hello", req -> Response.json(Map.of("message", "hello")))
                .get("/whoami", req -> Response.text(req.attribute(HttpServer.PROTOCOL).orElse("?") + " "
                        + req.attribute(HttpServer.REMOTE_ADDRESS).map(a -> a.getPort()).orElse(-1) + " "
                        + Thread.currentThread().isVirtual()))
                .get("/items/{id}", req -> Response.text("item " + req.pathParam("id") + " q="
                        + req.query().all("q")))
                .post("/echo", req -> new Response(200, req.headers().first("content-type")
                        .map(ct -> dev.allframe.http.Headers.of("content-type", ct))
                        .orElse(dev.allframe.http.Headers.empty()), req.body()))
                .delete("/items/{id}", req -> Response.noContent())
                .get("/sleep/{ms}", req -> {
                    Thread.sleep(Long.parseLong(req.pathParam("ms")));
                    return Response.text("slept " + req.pathParam("ms"));
                })
                .get("/header", req -> Response.text(req.header("x-test").orElse("none")))
                .build();
    }
}
