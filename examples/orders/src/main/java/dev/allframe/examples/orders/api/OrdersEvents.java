package dev.allframe.examples.orders.api;

import dev.allframe.cqrs.CommandException;
import dev.allframe.eventstore.EventStoreBackend;
import dev.allframe.examples.orders.domain.AllFrameEventRoutes;
import dev.allframe.examples.orders.domain.OrderCommand.CreateOrder;
import dev.allframe.examples.orders.domain.OrderEvent;
import dev.allframe.examples.orders.summary.OrderSummaryProjection;
import dev.allframe.infra.annotations.LambdaFunction;
import dev.allframe.infra.annotations.Subscribes;
import dev.allframe.lambda.events.EventSources;
import dev.allframe.lambda.events.S3Notification;
import dev.allframe.projection.CheckpointStore;
import dev.allframe.projection.ProjectionRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The Orders service's event doors, the same on AWS Lambda and under {@code allframe dev}:
 * <ul>
 *   <li>SQS queue {@code order-commands} and EventBridge {@code CheckoutCompleted} from {@code com.example.shop}
 *       become {@code CreateOrder}, {@code AddItem} and {@code SubmitOrder} commands (routes generated from the
 *       commands' {@code @FromQueue} / {@code @FromEventBridge}: {@link AllFrameEventRoutes}); each message id is
 *       dispatched once (the store's idempotency table); a poison message fails alone
 *       ({@code batchItemFailures});</li>
 *   <li>the event table's stream (DynamoDB Streams {@code INSERT}s) feeds the order summaries; they skip events at
 *       or below the version they hold, so a redelivered or replayed record changes nothing;</li>
 *   <li>S3: an object created under {@code incoming/CUSTOMER/ORDER_ID[.ext]} opens that order for that customer
 *       (an order file dropped by a partner); other keys and other event kinds are ignored.</li>
 * </ul>
 * On AWS it is the root of the {@code orders-events} function, which consumes the queue, the shop bus's
 * {@code CheckoutCompleted} events and the event table's stream; locally
 * {@code OrdersApp} serves the doors at {@code /_allframe/events} in development mode only.
 */
@Singleton
@LambdaFunction(name = "orders-events", memory = 1024, timeout = 30,
        handler = "dev.allframe.examples.orders.OrdersEventsLambda::handleRequest")
@Subscribes(queue = "order-commands")
@Subscribes(bus = "shop", detailTypes = "CheckoutCompleted")
// The event table's stream: its INSERTs reach the Streams door below (on DynamoDB, EVENT_TABLE).
@Subscribes(stream = "events")
public final class OrdersEvents {
    /** Where dropped order files land: {@code incoming/CUSTOMER/ORDER_ID[.ext]}. */
    public static final String INCOMING = "incoming/";

    private static final System.Logger LOG = System.getLogger(OrdersEvents.class.getName());

    private final OrdersModule orders;

    /**
     * Called by the container, or by hand around a module opened for Lambda.
     *
     * @param orders the module whose command bus, store and summaries the doors use
     */
    @Inject
    public OrdersEvents(OrdersModule orders) {
        this.orders = orders;
    }

    /**
     * Built on demand: a function that serves no events, and a server outside development mode, never load the
     * event doors.
     *
     * @return the event sources: routes, command bus, idempotency, stream projections and the S3 handler
     */
    public EventSources eventSources() {
        // The stream door pushes to the summaries through a registry that is never started (push() refuses a live
        // one); the summaries ignore what they have seen, so this is safe next to the routes' own registry. What they
        // cannot apply is parked on the store's backend, where it outlives this execution environment.
        ProjectionRegistry<OrderEvent> stream = ProjectionRegistry.builder(orders.eventStore(),
                CheckpointStore.inMemory()).deadLetters(orders.stores().deadLetters())
                .register(OrderSummaryProjection.NAME, orders.summaries()).build();
        return EventSources.builder()
                .routes(AllFrameEventRoutes.routes())
                .commandBus(orders.commandBus())
                .idempotency(orders.stores().idempotency())
                .projections(orders.eventStore(), stream)
                .s3(this::orderFileDropped)
                .build();
    }

    /** @return the event store's backend, whose events {@code allframe dev} can replay as a DynamoDB stream */
    public EventStoreBackend store() {
        return orders.stores().events();
    }

    private void orderFileDropped(S3Notification n) {
        if (!n.eventName().startsWith("ObjectCreated:") || !n.key().startsWith(INCOMING)) {
            LOG.log(System.Logger.Level.INFO, "ignored S3 " + n.eventName() + " of s3://" + n.bucket() + "/"
                    + n.key());
            return;
        }
        String[] parts = n.key().substring(INCOMING.length()).split("/");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("order files go to " + INCOMING + "CUSTOMER/ORDER_ID[.ext], not "
                    + n.key());
        }
        int dot = parts[1].indexOf('.');
        String orderId = dot > 0 ? parts[1].substring(0, dot) : parts[1];
        try {
            orders.commandBus().dispatch(new CreateOrder(orderId, parts[0]));
        } catch (CommandException e) {
            if (e.kind().status() != 409) {
                throw e;
            }
            // S3 may deliver a notification twice: an order that exists already was opened by the first one.
            LOG.log(System.Logger.Level.INFO, "order " + orderId + " exists already; s3://" + n.bucket() + "/"
                    + n.key() + " delivered again");
        }
    }
}
