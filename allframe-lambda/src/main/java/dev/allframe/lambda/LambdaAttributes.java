package dev.allframe.lambda;

import dev.allframe.http.Attribute;

/**
 * The {@link dev.allframe.http.Request} attributes the Lambda door sets on every request it builds:
 * {@code request.attribute(LambdaAttributes.SOURCE_IP)}.
 */
public final class LambdaAttributes {
    /** The invocation: request id, deadline, function ARN, trace header. */
    public static final Attribute<LambdaContext> CONTEXT = Attribute.of("allframe.lambda.context", LambdaContext.class);
    /** Everything the HTTP event said about the request besides the HTTP message. */
    public static final Attribute<GatewayRequestContext> GATEWAY =
            Attribute.of("allframe.lambda.gateway", GatewayRequestContext.class);
    /** The payload format the request arrived in. */
    public static final Attribute<EventKind> EVENT_KIND = Attribute.of("allframe.lambda.eventKind", EventKind.class);
    /** The client's address as the gateway or load balancer saw it (absent if the event did not say). */
    public static final Attribute<String> SOURCE_IP = Attribute.of("allframe.lambda.sourceIp", String.class);
    /** The gateway's request id (absent if the event did not say). */
    public static final Attribute<String> GATEWAY_REQUEST_ID =
            Attribute.of("allframe.lambda.gatewayRequestId", String.class);
    /** The API stage; the door removed it from the front of the path where the gateway left it there. */
    public static final Attribute<String> STAGE = Attribute.of("allframe.lambda.stage", String.class);
    /** The authorizer's claims ({@link Claims#NONE} without an authorizer). */
    public static final Attribute<Claims> CLAIMS = Attribute.of("allframe.lambda.claims", Claims.class);

    private LambdaAttributes() {
    }
}
