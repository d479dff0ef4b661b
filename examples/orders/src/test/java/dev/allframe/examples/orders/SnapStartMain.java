package dev.allframe.examples.orders;

import dev.allframe.lambda.LambdaRuntime;

/**
 * The child process of {@link OrdersLambdaSnapStartTest}: {@link OrdersLambda} under AllFrame's Runtime API loop,
 * with {@code org.crac.Core.checkpointRestore()} at the end of the init phase, where Lambda takes a SnapStart
 * snapshot. On this JDK (no CRaC) {@code org.crac} reaches the test kit's stand-in
 * ({@code -Dorg.crac.Core.Compat=dev.allframe.testkit.lambda.crac}), which runs the registered hooks without a
 * checkpoint; then prints what it saw and serves invocations.
 */
public final class SnapStartMain {
    private SnapStartMain() {
    }

    /**
     * @param args none
     */
    public static void main(String[] args) {
        System.exit(LambdaRuntime.run(() -> {
            OrdersLambda handler = new OrdersLambda();
            try {
                org.crac.Core.checkpointRestore();
            } catch (UnsupportedOperationException e) {
                // No hook registered (an ordinary cold start): org.crac's compat layer has nothing to run.
            } catch (Exception e) {
                throw new IllegalStateException("the simulated checkpoint failed", e);
            }
            System.out.println("crac-standin: registered=" + dev.allframe.testkit.lambda.crac.Core.registered()
                    + " checkpoints=" + dev.allframe.testkit.lambda.crac.Core.checkpoints());
            return handler;
        }));
    }
}
