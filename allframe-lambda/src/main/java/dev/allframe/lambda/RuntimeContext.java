package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;

/** The custom runtime's {@link Context}: the invocation's headers plus the reserved environment variables. */
final class RuntimeContext implements Context {
    private static final String FUNCTION_NAME = env("AWS_LAMBDA_FUNCTION_NAME", "");
    private static final String FUNCTION_VERSION = env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    private static final String LOG_GROUP = env("AWS_LAMBDA_LOG_GROUP_NAME", "");
    private static final String LOG_STREAM = env("AWS_LAMBDA_LOG_STREAM_NAME", "");
    private static final int MEMORY = memory();

    private final String requestId;
    private final long deadlineMs;
    private final String functionArn;
    private final String clientContextJson;
    private final String cognitoIdentityJson;

    RuntimeContext(String requestId, long deadlineMs, String functionArn) {
        this(requestId, deadlineMs, functionArn, null, null);
    }

    /**
     * @param clientContextJson the {@code Lambda-Runtime-Client-Context} header, or {@code null}
     * @param cognitoIdentityJson the {@code Lambda-Runtime-Cognito-Identity} header, or {@code null}
     */
    RuntimeContext(String requestId, long deadlineMs, String functionArn, String clientContextJson,
                   String cognitoIdentityJson) {
        this.requestId = requestId;
        this.deadlineMs = deadlineMs;
        this.functionArn = functionArn;
        this.clientContextJson = clientContextJson;
        this.cognitoIdentityJson = cognitoIdentityJson;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return LOG_GROUP;
    }

    @Override
    public String getLogStreamName() {
        return LOG_STREAM;
    }

    @Override
    public String getFunctionName() {
        return FUNCTION_NAME;
    }

    @Override
    public String getFunctionVersion() {
        return FUNCTION_VERSION;
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    /**
     * Parsed when asked for (most functions never ask), as the official runtime interface client parses it.
     *
     * @throws IllegalStateException if the header is not a JSON object
     */
    @Override
    public CognitoIdentity getIdentity() {
        return cognitoIdentityJson == null || cognitoIdentityJson.isBlank() ? null
                : MobileContext.identity(cognitoIdentityJson);
    }

    /**
     * Parsed when asked for, like {@link #getIdentity()}.
     *
     * @throws IllegalStateException if the header is not a JSON object of the documented shape
     */
    @Override
    public ClientContext getClientContext() {
        return clientContextJson == null || clientContextJson.isBlank() ? null
                : MobileContext.clientContext(clientContextJson);
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = deadlineMs - System.currentTimeMillis();
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY;
    }

    @Override
    public LambdaLogger getLogger() {
        return Logger.INSTANCE;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static int memory() {
        try {
            return Integer.parseInt(env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128").trim());
        } catch (NumberFormatException e) {
            return 128;
        }
    }

    /** Writes to standard output, prefixed with the request id like every other log line. */
    private enum Logger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            String id = Invocations.currentRequestId();
            System.out.println("RequestId: " + (id == null ? "-" : id) + " " + message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
