package dev.allframe.examples.orders.api;

import dev.allframe.examples.orders.domain.OrderCommand.AddItem;
import dev.allframe.examples.orders.domain.OrderCommand.CreateOrder;
import dev.allframe.examples.orders.domain.OrderCommand.SubmitOrder;
import dev.allframe.examples.orders.summary.OrderSummary;
import dev.allframe.http.Response;
import dev.allframe.http.Status;
import dev.allframe.http.annotation.Body;
import dev.allframe.http.annotation.Get;
import dev.allframe.http.annotation.PathParam;
import dev.allframe.http.annotation.Post;

import java.util.UUID;

/**
 * The Orders HTTP API as annotated routes; the processor generates {@code OrdersController$Routes}, which the
 * container's {@code router()} and {@link OrdersModule#register} register. Each route sends a command through the
 * {@link OrdersModule} and answers with the order's summary once the projection has seen the write.
 */
public final class OrdersController {
    /**
     * Whether {@code ALLFRAME_LOG} lets INFO lines through, checked before any logger exists: under Lambda's managed
     * runtime the first {@link System.Logger} initialises {@code java.util.logging} (about 40 classes on a cold
     * start), which a line that would not print should not cost. The level still applies as usual when it does.
     */
    private static final boolean INFO_LINES = infoLines(System.getenv("ALLFRAME_LOG"));

    private final OrdersModule orders;

    /**
     * Called by the container, or by {@link OrdersModule#register} for a module opened by hand.
     *
     * @param orders the module that dispatches the commands and reads the summaries
     */
    public OrdersController(OrdersModule orders) {
        this.orders = orders;
    }

    /**
     * {@code POST /orders}: creates an order, with the given id or a new one.
     *
     * @param body the customer and, optionally, the order id
     * @return 201 with the order's summary and its {@code location}
     * @throws InterruptedException if interrupted while waiting for the summary
     */
    @Post("/orders")
    public Response create(@Body CreateOrderBody body) throws InterruptedException {
        String id = body.orderId() == null || body.orderId().isBlank() ? UUID.randomUUID().toString() : body.orderId();
        OrderSummary created = orders.dispatch(new CreateOrder(id, body.customerId()));
        if (INFO_LINES) {
            Log.LOG.log(System.Logger.Level.INFO, "order {0} created for customer {1}", id, body.customerId());
        }
        return Response.json(Status.CREATED, created).withLocation("/orders/{id}", id);
    }

    /**
     * {@code POST /orders/{id}/items}: adds a line to an open order.
     *
     * @param id the order id
     * @param body the line; the command's declared constraints apply (a missing quantity or price is a 422)
     * @return the order's summary
     * @throws InterruptedException if interrupted while waiting for the summary
     */
    @Post("/orders/{id}/items")
    public OrderSummary addItem(@PathParam("id") String id, @Body AddItemBody body) throws InterruptedException {
        return orders.dispatch(new AddItem(id, body.sku(), body.quantity(), body.unitPriceCents()));
    }

    /**
     * {@code POST /orders/{id}/submit}: submits an order.
     *
     * @param id the order id
     * @return the order's summary
     * @throws InterruptedException if interrupted while waiting for the summary
     */
    @Post("/orders/{id}/submit")
    public OrderSummary submit(@PathParam("id") String id) throws InterruptedException {
        return orders.dispatch(new SubmitOrder(id));
    }

    /**
     * {@code GET /orders/{id}}: the order's summary; an unknown order is a 404 problem.
     *
     * @param id the order id
     * @return the order's summary
     */
    @Get("/orders/{id}")
    public OrderSummary get(@PathParam("id") String id) {
        return orders.summary(id);
    }

    /**
     * @param setting the value of {@code ALLFRAME_LOG}, or {@code null}
     * @return false when it asks for fewer lines than INFO ({@code warn}, {@code error}, {@code off}), as every door
     *         reads it; true otherwise (the logging backend then decides)
     */
    static boolean infoLines(String setting) {
        if (setting == null) {
            return true;
        }
        return switch (setting.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "warn", "warning", "error", "off", "none" -> false;
            default -> true;
        };
    }

    /**
     * Created on the first log line rather than with the class: under Lambda's managed runtime the first
     * {@link System.Logger} initialises {@code java.util.logging}, which a cold start that only reads should not pay.
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(OrdersController.class.getName());
    }
}
