package dev.allframe.lambda;

import java.util.Map;

/**
 * What the HTTP event said about the request besides the HTTP message itself, attached to every request the Lambda
 * door builds as {@link LambdaAttributes#GATEWAY}.
 *
 * @param kind the payload format
 * @param requestId the gateway's request id ({@code requestContext.requestId}); for ALB, which has none, the
 *                  {@code x-amzn-trace-id} header; may be {@code null}
 * @param sourceIp the client's address as the gateway saw it, or {@code null}
 * @param stage the API stage ({@code $default} for HTTP APIs and Function URLs without a named stage), or
 *              {@code null} for ALB
 * @param pathParameters the gateway's own path parameters (from its route template), possibly empty
 * @param stageVariables the stage variables, possibly empty
 * @param claims what the authorizer established
 * @param requestContext the raw {@code requestContext} object, for fields not modelled here
 */
public record GatewayRequestContext(EventKind kind, String requestId, String sourceIp, String stage,
                                    Map<String, String> pathParameters, Map<String, String> stageVariables,
                                    Claims claims, Map<String, Object> requestContext) {
    public GatewayRequestContext {
        java.util.Objects.requireNonNull(kind, "kind");
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        stageVariables = stageVariables == null ? Map.of() : Map.copyOf(stageVariables);
        claims = claims == null ? Claims.NONE : claims;
        requestContext = requestContext == null ? Map.of() : requestContext;
    }
}
