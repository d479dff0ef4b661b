/**
 * The AWS Lambda doors: {@link dev.allframe.lambda.AllFrameHandler} serves API Gateway (REST and HTTP API),
 * Function URL and ALB events through a {@link dev.allframe.http.Router} under the managed Java runtime, and
 * {@link dev.allframe.lambda.LambdaRuntime} runs the same handler as a custom runtime. The invocation's
 * {@link dev.allframe.lambda.LambdaContext} reaches handlers through
 * {@link dev.allframe.lambda.LambdaAttributes} and prefixes every log line.
 */
package dev.allframe.lambda;
