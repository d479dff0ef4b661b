package dev.allframe.examples.orders;

import dev.allframe.examples.orders.api.OrdersModule;
import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Orders service on AWS Lambda (managed {@code java21} runtime, handler
 * {@code dev.allframe.examples.orders.OrdersLambda}, or AllFrame's custom runtime): the same routes as
 * {@link OrdersApp}, behind API Gateway, a Function URL or an ALB. Events live in the store named by
 * {@code ALLFRAME_STORE} — {@code jdbc:postgresql://...} for real use; {@code memory:} (the default here) keeps them
 * per execution environment, which is only good for a demo. SQLite is not in the Lambda package: a file in
 * {@code /tmp} would also be per environment, and its driver alone would exceed the package budget. With
 * {@code EVENT_TABLE} (or {@code ALLFRAME_STORE=dynamodb:TABLE}) the events live in DynamoDB; without it, no AWS SDK
 * class is loaded. (The table's DynamoDB Streams batches go to the {@code orders-events} function.)
 *
 * <p>The order summaries catch up on the invoking thread ({@link OrdersModule#openSynchronous}): no background
 * thread in an environment that Lambda freezes between invocations.
 */
public final class OrdersLambda extends AllFrameHandler {
    /** The store when {@code ALLFRAME_STORE} is not set. */
    public static final String DEFAULT_STORE = "memory:";
    private static final String DYNAMODB = "dynamodb:";

    /**
     * Called by the runtime, once per execution environment, during the init phase.
     *
     * @throws IllegalStateException if {@code ALLFRAME_STORE} names a SQLite file
     */
    public OrdersLambda() {
        super(new Application());
    }

    /** Builds the router; a named class, not a method reference, so no class is spun up during the cold start. */
    private static final class Application implements Supplier<Router> {
        @Override
        public Router get() {
            return OrdersModule.openSynchronous(storeUrl(System.getenv())).register(Router.builder()).build();
        }
    }

    /**
     * @param env the environment
     * @return the store URL to open: {@code ALLFRAME_STORE}, else {@code dynamodb:} + {@code EVENT_TABLE}, else
     *         {@value #DEFAULT_STORE}
     * @throws IllegalStateException if it names a SQLite file, which this package does not support
     */
    static String storeUrl(Map<String, String> env) {
        String url = env.get("ALLFRAME_STORE");
        if (url == null || url.isBlank()) {
            String table = env.get("EVENT_TABLE");
            return table == null || table.isBlank() ? DEFAULT_STORE : DYNAMODB + table.strip();
        }
        if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
            throw new IllegalStateException("ALLFRAME_STORE=" + url + " names a SQLite file, which the Lambda"
                    + " package leaves out (a file in /tmp lives only as long as one execution environment); set"
                    + " EVENT_TABLE (DynamoDB), or ALLFRAME_STORE to jdbc:postgresql://HOST:PORT/DB, or memory: for a"
                    + " demo");
        }
        return url;
    }

    /**
     * Before a SnapStart checkpoint: a create-order request that fails validation, so JSON binding, the command
     * bus and the problem response are warm, and nothing is written to the store.
     */
    @Override
    protected List<Request> primingRequests() {
        return List.of(
                Request.builder(HttpMethod.POST, "/orders").header("content-type", "application/json")
                        .body("{\"customerId\":\"\"}").build(),
                Request.builder(HttpMethod.GET, "/orders/snapstart-priming").build());
    }
}
