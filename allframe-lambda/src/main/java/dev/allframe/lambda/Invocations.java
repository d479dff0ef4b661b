package dev.allframe.lambda;

/** The invocation running on a thread; inherited by threads (virtual ones too) started during it. */
final class Invocations {
    static final InheritableThreadLocal<LambdaContext> CURRENT = new InheritableThreadLocal<>();

    /** The system property both runtimes set to the invocation's X-Ray trace header. */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private Invocations() {
    }

    /** @return the request id of the current invocation, or {@code null} outside one */
    static String currentRequestId() {
        LambdaContext c = CURRENT.get();
        return c == null ? null : c.requestId();
    }
}
