package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Lambda invocation a request belongs to. Handlers get it from the request
 * ({@code request.attribute(LambdaAttributes.CONTEXT)}) or, anywhere on the invocation's thread and threads it
 * starts, from {@link #current()}. The same request id prefixes every log line written through
 * {@link System.Logger} during the invocation.
 */
public interface LambdaContext {
    /** @return the Lambda request id of the invocation */
    String requestId();

    /** @return the ARN the function was invoked with (may name a version or alias) */
    String functionArn();

    /** @return the function's name */
    String functionName();

    /** @return the function's memory limit in MiB */
    int memoryLimitMb();

    /** @return time left before Lambda stops the invocation; zero or negative once past the deadline */
    Duration remainingTime();

    /** @return the X-Ray trace header ({@code Root=...;Parent=...;Sampled=...}), if tracing is on */
    Optional<String> traceHeader();

    /** @return the runtime's own context object */
    Context awsContext();

    /** @return the invocation running on this thread, if any */
    static Optional<LambdaContext> current() {
        return Optional.ofNullable(Invocations.CURRENT.get());
    }

    /**
     * @param context the runtime's context of an invocation
     * @param traceHeader the X-Ray trace header, or {@code null}
     * @return a view of it
     */
    static LambdaContext of(Context context, String traceHeader) {
        return new AwsLambdaContext(Objects.requireNonNull(context, "context"), traceHeader);
    }
}
