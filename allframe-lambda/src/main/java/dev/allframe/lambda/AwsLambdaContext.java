package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;
import java.util.Optional;

/** {@link LambdaContext} over the runtime's {@link Context}. */
record AwsLambdaContext(Context awsContext, String trace) implements LambdaContext {
    @Override
    public String requestId() {
        return awsContext.getAwsRequestId();
    }

    @Override
    public String functionArn() {
        return awsContext.getInvokedFunctionArn();
    }

    @Override
    public String functionName() {
        return awsContext.getFunctionName();
    }

    @Override
    public int memoryLimitMb() {
        return awsContext.getMemoryLimitInMB();
    }

    @Override
    public Duration remainingTime() {
        return Duration.ofMillis(awsContext.getRemainingTimeInMillis());
    }

    @Override
    public Optional<String> traceHeader() {
        return Optional.ofNullable(trace);
    }

    @Override
    public String toString() {
        return "LambdaContext[" + requestId() + "]";
    }
}
