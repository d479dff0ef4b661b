package dev.allframe.lambda;

import dev.allframe.http.Headers;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The application the door tests run: it echoes what reached it, so tests can see what the door built. */
final class EchoApp {
    private EchoApp() {
    }

    static Router router() {
        Router.Builder b = Router.builder()
                .get("/boom", req -> {
                    throw new IllegalStateException("kaboom in a route");
                })
                .get("/binary", req -> new Response(200, Headers.of("content-type", "image/png"),
                        new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff}))
                .get("/cookies", req -> new Response(200, Headers.builder()
                        .add("set-cookie", "a=1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT")
                        .add("set-cookie", "b=2; HttpOnly")
                        .add("x-multi", "one").add("x-multi", "two")
                        .add("content-type", "text/plain; charset=utf-8").build(), "ok".getBytes()))
                .get("/log", req -> {
                    System.getLogger("dev.allframe.test.Route").log(System.Logger.Level.WARNING,
                            "hello from a route");
                    return Response.text("logged");
                })
                .get("/mobile", EchoApp::mobile)
                .get("/files/{name}", req -> Response.json(Map.of("name", req.pathParam("name"), "path", req.path())));
        for (String method : new String[]{"GET", "POST", "PUT", "DELETE"}) {
            b.route(dev.allframe.http.HttpMethod.of(method), "/{rest...}", EchoApp::echo);
        }
        return b.build();
    }

    static Response echo(Request req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", req.method().name());
        m.put("path", req.path());
        m.put("query", req.query().asMap());
        m.put("headers", req.headers().asMap());
        m.put("body", req.bodyAsString());
        m.put("bodyBase64", Base64.getEncoder().encodeToString(req.body()));
        req.attribute(LambdaAttributes.EVENT_KIND).ifPresent(k -> m.put("kind", k.name()));
        req.attribute(LambdaAttributes.SOURCE_IP).ifPresent(v -> m.put("sourceIp", v));
        req.attribute(LambdaAttributes.STAGE).ifPresent(v -> m.put("stage", v));
        req.attribute(LambdaAttributes.GATEWAY_REQUEST_ID).ifPresent(v -> m.put("gatewayRequestId", v));
        req.attribute(LambdaAttributes.CLAIMS).ifPresent(c -> m.put("claims", c.values()));
        req.attribute(LambdaAttributes.GATEWAY).ifPresent(g -> m.put("gatewayPathParameters", g.pathParameters()));
        req.attribute(LambdaAttributes.CONTEXT).ifPresent(c -> {
            m.put("lambdaRequestId", c.requestId());
            m.put("functionArn", c.functionArn());
            m.put("remainingMs", c.remainingTime().toMillis());
            c.traceHeader().ifPresent(t -> m.put("traceHeader", t));
        });
        LambdaContext.current().ifPresent(c -> m.put("currentRequestId", c.requestId()));
        return Response.json(m);
    }

    /** What the runtime's context says about an AWS Mobile SDK caller. */
    static Response mobile(Request req) {
        com.amazonaws.services.lambda.runtime.Context aws = req.attribute(LambdaAttributes.CONTEXT).orElseThrow()
                .awsContext();
        Map<String, Object> m = new LinkedHashMap<>();
        com.amazonaws.services.lambda.runtime.CognitoIdentity id = aws.getIdentity();
        if (id != null) {
            m.put("identityId", id.getIdentityId());
            m.put("identityPoolId", id.getIdentityPoolId());
        }
        com.amazonaws.services.lambda.runtime.ClientContext cc = aws.getClientContext();
        if (cc != null) {
            if (cc.getClient() != null) {
                m.put("installationId", cc.getClient().getInstallationId());
                m.put("appTitle", cc.getClient().getAppTitle());
                m.put("appVersionName", cc.getClient().getAppVersionName());
                m.put("appVersionCode", cc.getClient().getAppVersionCode());
                m.put("appPackageName", cc.getClient().getAppPackageName());
            }
            m.put("custom", cc.getCustom());
            m.put("env", cc.getEnvironment());
        }
        return Response.json(m);
    }
}
