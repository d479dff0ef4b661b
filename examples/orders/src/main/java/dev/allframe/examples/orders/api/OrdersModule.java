package dev.allframe.examples.orders.api;

import dev.allframe.cqrs.CommandBus;
import dev.allframe.cqrs.CommandProblems;
import dev.allframe.cqrs.CommandRegistrations;
import dev.allframe.cqrs.CommandResult;
import dev.allframe.cqrs.RetryPolicy;
import dev.allframe.eventstore.EventStore;
import dev.allframe.examples.orders.domain.OrderCommand;
import dev.allframe.examples.orders.domain.OrderCommand.SubmitOrder;
import dev.allframe.examples.orders.domain.OrderDecider;
import dev.allframe.examples.orders.domain.OrderEvent;
import dev.allframe.examples.orders.domain.OrderNotFoundException;
import dev.allframe.examples.orders.summary.OrderSummary;
import dev.allframe.examples.orders.summary.OrderSummaryProjection;
import dev.allframe.health.HealthCheck;
import dev.allframe.http.HttpException;
import dev.allframe.http.Problem;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.http.Status;
import dev.allframe.examples.orders.OrdersAppContainer;
import dev.allframe.infra.annotations.CloudRunService;
import dev.allframe.infra.annotations.LambdaFunction;
import dev.allframe.inject.Environment;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionControl;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.projection.ProjectionStatus;
import dev.allframe.store.Stores;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The Orders service over CQRS: {@code POST /orders}, {@code POST /orders/{id}/items},
 * {@code POST /orders/{id}/submit} and {@code GET /orders/{id}}. Commands go through the command bus to the
 * {@link OrderDecider}; reads come from the order-summary projection, which the write routes wait for so a client
 * reads its own writes. Business-rule violations are 409/422 problems, unknown orders 404.
 *
 * <p>A singleton of the generated {@link OrdersAppContainer}, which injects the stores ({@link OrdersStores}), the
 * decider and the projection; {@link #open(String)} and {@link #fromEnvironment()} are shortcuts that create a
 * container and take the module from it. On AWS it is the root of the {@code orders-http} Lambda function: the
 * function's IAM policy is derived from what this class reaches.
 *
 * <pre>{@code
 * try (OrdersModule orders = OrdersModule.fromEnvironment()) {   // ALLFRAME_STORE, default sqlite:.allframe/orders.db
 *     Router router = orders.register(Router.builder()).build();
 *     ...
 * }
 * }</pre>
 */
@Singleton
@LambdaFunction(name = "orders-http", http = LambdaFunction.Http.FUNCTION_URL, memory = 1024, timeout = 30,
        handler = "dev.allframe.examples.orders.OrdersLambda::handleRequest")
@CloudRunService(name = "orders")
public final class OrdersModule implements AutoCloseable {
    /** The store used when {@code ALLFRAME_STORE} is not set: a SQLite file, so orders survive a restart. */
    public static final String DEFAULT_STORE = "sqlite:.allframe/orders.db";

    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    /**
     * Concurrent writers to one order retry a lost race on fresh state, spread out by jittered backoff, for up to
     * ten attempts within two seconds; after that the conflict is a 409 ({@code docs/benchmarks/contention.md}).
     */
    public static final RetryPolicy RETRY = RetryPolicy.attempts(10);

    private final Stores stores;
    private final EventStore<OrderEvent> events;
    private final CommandBus<OrderEvent> bus;
    private final OrderSummaryProjection summaries;
    private final ProjectionRegistry<OrderEvent> projections;
    /** Whether a background thread follows the events (servers) or reads catch up on the calling thread (Lambda). */
    private final boolean live;

    /**
     * Called by the container.
     *
     * @param stores the event, snapshot and checkpoint stores
     * @param commands the generated registration of the {@code @HandleCommand} {@link OrderDecider}, with its
     *        snapshot policy
     * @param summaries the order-summary projection
     */
    @Inject
    public OrdersModule(Stores stores, CommandRegistrations<OrderEvent> commands,
                        OrderSummaryProjection summaries) {
        this(stores, commands, summaries, true);
    }

    private OrdersModule(Stores stores, CommandRegistrations<OrderEvent> commands,
                         OrderSummaryProjection summaries, boolean live) {
        this.stores = stores;
        this.summaries = summaries;
        this.live = live;
        this.events = EventStore.create(stores.events(), OrderEvent.types());
        CommandBus.Builder<OrderEvent> builder = CommandBus.builder(events)
                .snapshotStore(stores.snapshots())
                .retryOnConflict(RETRY);
        commands.registerAll(builder);
        this.bus = builder.build();
        // The summaries live in memory, so their checkpoint does too: each start rebuilds them from the events. An
        // event they cannot apply is parked in the store's dead letters and the rest still apply.
        this.projections = ProjectionRegistry.builder(events, CheckpointStore.inMemory())
                .deadLetters(stores.deadLetters())
                .register(OrderSummaryProjection.NAME, summaries)
                .build();
        // Rebuild synchronously before serving, so the first GET after a restart already sees every order. Whatever
        // it reports (parked events, an unreachable store) is readiness's to tell: start-up never refuses.
        projections.catchUp();
        if (live) {
            projections.start();
        }
    }

    /**
     * Opens the module on the store named by {@code ALLFRAME_STORE}, or {@value #DEFAULT_STORE}.
     *
     * @return the running module
     */
    public static OrdersModule fromEnvironment() {
        return OrdersAppContainer.create().ordersModule();
    }

    /**
     * @param storeUrl a store URL: {@code sqlite:PATH}, {@code jdbc:postgresql://...} or {@code memory:}
     * @return the running module (projection started)
     */
    public static OrdersModule open(String storeUrl) {
        return OrdersAppContainer.create(Environment.of(Map.of("ALLFRAME_STORE", storeUrl))).ordersModule();
    }

    /**
     * Opens the module for an event-driven door such as AWS Lambda: no background thread; the order summaries are
     * brought up to date on the calling thread after each write and before each read. Lambda freezes an execution
     * environment between invocations, so a live thread would do its work at the next invocation anyway, and
     * starting one costs the cold start dozens of classes.
     *
     * @param storeUrl a store URL: {@code jdbc:postgresql://...}, {@code memory:}, {@code sqlite:PATH} or
     *        {@code dynamodb:TABLE} (then {@code SNAPSHOT_BUCKET} and {@code ALLFRAME_CREATE_TABLES} still come from
     *        the process environment)
     * @return the module (summaries rebuilt, no thread started)
     */
    public static OrdersModule openSynchronous(String storeUrl) {
        // The process environment with the store URL put over it; a view, not a copy (copying it costs the cold
        // start a handful of JDK classes).
        OrdersAppContainer container = OrdersAppContainer.create(new StoreOverride(storeUrl));
        return new OrdersModule(container.stores(), new ContainerCommands(container),
                container.orderSummaryProjection(), false);
    }

    /**
     * The process environment with {@code ALLFRAME_STORE} replaced. Named classes here and below rather than a
     * lambda and a method reference: each of those would be a hidden class spun through {@code LambdaMetafactory}
     * during a Lambda cold start.
     */
    private static final class StoreOverride implements Environment {
        private final String storeUrl;

        StoreOverride(String storeUrl) {
            this.storeUrl = storeUrl;
        }

        @Override
        public String get(String name) {
            return "ALLFRAME_STORE".equals(name) ? storeUrl : System.getenv(name);
        }
    }

    /** The container's generated {@code registerCommands} as a {@link CommandRegistrations}. */
    private static final class ContainerCommands implements CommandRegistrations<OrderEvent> {
        private final OrdersAppContainer container;

        ContainerCommands(OrdersAppContainer container) {
            this.container = container;
        }

        @Override
        public void registerAll(CommandBus.Builder<? super OrderEvent> builder) {
            container.registerCommands(builder);
        }
    }

    /**
     * Registers the routes ({@link OrdersController}'s generated {@code OrdersController$Routes}) and the problem
     * mappings: command failures (409/422) and unknown orders (404).
     *
     * @param router the builder
     * @return the builder
     */
    public Router.Builder register(Router.Builder router) {
        return new OrdersController$Routes(new OrdersController(this)).register(registerErrors(router));
    }

    /**
     * Registers only the problem mappings, for a router whose routes come from the container's
     * {@code registerRoutes(builder)}.
     *
     * @param router the builder
     * @return the builder
     */
    public static Router.Builder registerErrors(Router.Builder router) {
        CommandProblems.register(router);
        return router.error(OrderNotFoundException.class, new OrderChecks.NotFound());
    }

    /** Dispatches a command and waits until the summaries have seen it, so the caller reads its own write. */
    OrderSummary dispatch(OrderCommand command) throws InterruptedException {
        CommandResult<OrderEvent> result = bus.dispatch(command);
        boolean ready = live
                ? projections.awaitPosition(OrderSummaryProjection.NAME, result.lastGlobalPosition(), READ_YOUR_WRITES)
                : catchUp().position() >= result.lastGlobalPosition();
        if (!ready) {
            ProjectionStatus status = projections.status(OrderSummaryProjection.NAME);
            throw new HttpException(Status.SERVICE_UNAVAILABLE, "The order was saved but its summary is not ready ("
                    + status.state() + "); read it again shortly");
        }
        return lookUp(command.orderId());
    }

    /** The summary of an order; 404 if there is none. */
    OrderSummary summary(String id) {
        if (!live) {
            catchUp(); // sees orders other instances wrote since the last invocation
        }
        return lookUp(id);
    }

    private OrderSummary lookUp(String id) {
        Optional<OrderSummary> found = summaries.get(id);
        if (found.isEmpty()) {
            throw HttpException.notFound("No order " + id);
        }
        return found.get();
    }

    /** Synchronous mode: applies the events appended since the last call; a failure stays visible in the status. */
    private ProjectionStatus catchUp() {
        projections.catchUp();
        return projections.status(OrderSummaryProjection.NAME);
    }

    /**
     * A readiness probe: the event store answers and the order summaries are not stopped by a failure. Summaries
     * that parked events they could not apply are degraded, not down: the service still takes orders and serves
     * every other summary.
     *
     * @return the check, for {@code HealthChecks.builder().readiness("orders", orders.readiness())}
     */
    public HealthCheck readiness() {
        return () -> {
            stores.events().version("health-probe");
            ProjectionStatus s = projections.status(OrderSummaryProjection.NAME);
            if (s.state() == ProjectionStatus.State.FAILED) {
                return HealthCheck.Result.down("order summaries stopped at global position " + s.failedAt() + ": "
                        + s.error());
            }
            String at = "order summaries at global position " + s.position();
            return s.degraded()
                    ? HealthCheck.Result.degraded(at + "; " + s.parked() + " parked event(s), the first at global"
                            + " position " + s.firstParked())
                    : HealthCheck.Result.up(at);
        };
    }

    /** @return the operator's view of the order summaries: parked events, retry, skip */
    ProjectionControl projectionControl() {
        return projections.control();
    }

    /** @return the command bus, for the event doors ({@link OrdersEvents}) */
    CommandBus<OrderEvent> commandBus() {
        return bus;
    }

    /** @return the typed event store, for the event doors */
    EventStore<OrderEvent> eventStore() {
        return events;
    }

    /** @return the stores, for the event doors (idempotency, local replay) */
    Stores stores() {
        return stores;
    }

    /** @return the order-summary projection the routes read */
    OrderSummaryProjection summaries() {
        return summaries;
    }

    /** @return the store URL in use (without any password) */
    public String storeUrl() {
        return stores.url();
    }

    /** Stops the projection and closes the stores (closing them again, as the container does, is harmless). */
    @Override
    public void close() {
        projections.close();
        stores.close();
    }
}
