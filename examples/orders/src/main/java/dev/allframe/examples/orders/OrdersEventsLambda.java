package dev.allframe.examples.orders;

import dev.allframe.examples.orders.api.OrdersEvents;
import dev.allframe.examples.orders.api.OrdersModule;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;

/**
 * The {@code orders-events} function (handler {@code dev.allframe.examples.orders.OrdersEventsLambda}): the
 * {@code order-commands} queue's consumer, with {@code ReportBatchItemFailures}; it serves EventBridge, SNS,
 * DynamoDB Streams and S3 events with the same {@link OrdersEvents} too. The store is chosen as for
 * {@link OrdersLambda}; summaries catch up on the invoking thread.
 */
public final class OrdersEventsLambda extends AllFrameHandler {
    /** Called by the runtime, once per execution environment, during the init phase. */
    public OrdersEventsLambda() {
        this(OrdersModule.openSynchronous(OrdersLambda.storeUrl(System.getenv())));
    }

    private OrdersEventsLambda(OrdersModule orders) {
        super(() -> orders.register(Router.builder()).build(), new OrdersEvents(orders)::eventSources);
    }
}
