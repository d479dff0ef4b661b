package dev.allframe.infra.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Deploys the annotated root component (its dependency graph) as an AWS Lambda function. Invalid values
 * (memory outside 128..10240, timeout outside 1..900, a duplicate name) are compile errors naming this element.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LambdaFunction {
    /** @return the function's logical name: lower-case letters, digits and hyphens, starting with a letter */
    String name();

    /** @return memory in MiB, 128..10240; default 1024 (more memory is also more CPU, which shortens cold starts) */
    int memory() default 1024;

    /** @return timeout in seconds, 1..900; default 30 */
    int timeout() default 30;

    /** @return the instruction set; default {@link Architecture#ARM64} */
    Architecture architecture() default Architecture.ARM64;

    /** @return the runtime; default {@link Runtime#JAVA21} */
    Runtime runtime() default Runtime.JAVA21;

    /**
     * @return the handler as {@code Class::method}; default: the annotated type when it is a Lambda handler (has
     *         {@code handleRequest}); else, with {@code allframe-lambda} on the compile class path, the handler class
     *         the processor generates for this function ({@code orders-http} -> {@code OrdersHttpLambda}, in the
     *         application's package); else {@code dev.allframe.lambda.AllFrameHandler::handleRequest} (managed
     *         runtime) or {@code bootstrap} (OS-only runtime)
     */
    String handler() default "";

    /** @return whether SnapStart is on (managed Java runtime only); default true */
    boolean snapStart() default true;

    /** @return extra environment variables as {@code KEY=value} pairs; they win over generated ones */
    String[] environment() default {};

    /** @return how HTTP reaches the function; default {@link Http#NONE} (an event-only function) */
    Http http() default Http.NONE;

    /** @return log retention in days (a CloudWatch-allowed value); default 14 */
    int logRetentionDays() default 14;

    /** Lambda instruction sets. */
    enum Architecture {
        /** Graviton. */
        ARM64,
        /** Intel/AMD. */
        X86_64
    }

    /** Lambda runtimes. */
    enum Runtime {
        /** The managed Java 21 runtime (SnapStart capable). */
        JAVA21,
        /** The OS-only runtime for a custom-runtime bootstrap (jlink'd or native image). */
        PROVIDED_AL2023
    }

    /** HTTP front doors. */
    enum Http {
        /** No HTTP door. */
        NONE,
        /** A public Function URL (auth NONE). */
        FUNCTION_URL,
        /** A Function URL that requires IAM-signed requests. */
        FUNCTION_URL_IAM,
        /** An API Gateway HTTP API with one route per application route. */
        HTTP_API
    }
}
