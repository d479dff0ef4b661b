package dev.allframe.examples.orders.api;

import dev.allframe.examples.orders.domain.OrderNotFoundException;
import dev.allframe.http.ErrorHandler;
import dev.allframe.http.Problem;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Status;

/**
 * The module's 404 mapping as a named class rather than a lambda: every lambda is a class the JVM spins up at run
 * time on each cold start (and one an AppCDS archive cannot hold when a runtime's own class loader loads the
 * application, as Lambda's managed runtime does), while this loads from the jar or the archive. (The commands'
 * validation rules are declared on the commands themselves.)
 */
final class OrderChecks {
    private OrderChecks() {
    }

    /** An unknown order is a 404 problem. */
    static final class NotFound implements ErrorHandler<OrderNotFoundException> {
        @Override
        public Response handle(OrderNotFoundException e, Request request) {
            return Response.problem(Problem.of(Status.NOT_FOUND, e.getMessage()));
        }
    }
}
