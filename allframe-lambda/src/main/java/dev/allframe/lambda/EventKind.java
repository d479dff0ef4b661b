package dev.allframe.lambda;

/** The HTTP payload formats the Lambda door recognises; the response is written in the same format. */
public enum EventKind {
    /** API Gateway REST API, or an HTTP API with payload format 1.0. */
    REST_API,
    /** API Gateway HTTP API, payload format 2.0. */
    HTTP_API,
    /** A Lambda Function URL (payload format 2.0, {@code *.lambda-url.*} domain). */
    FUNCTION_URL,
    /** An Application Load Balancer target group, with or without multi-value headers. */
    ALB
}
