package dev.allframe.infra.annotations;

import dev.allframe.infra.annotations.LambdaFunction.Architecture;
import dev.allframe.infra.annotations.LambdaFunction.Http;
import dev.allframe.infra.annotations.Uses.Access;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The annotations as a user writes them (this file must compile), and their compile-time-only retention. */
class InfraAnnotationsTest {
    @EventStore(table = "orders-events")
    @Queue(name = "order-commands", visibilityTimeout = 180, dlqMaxReceives = 5)
    @EventBus(name = "orders")
    @Bucket(name = "snapshots")
    static final class OrdersInfrastructure {
    }

    @LambdaFunction(name = "orders-http", memory = 1024, timeout = 29, architecture = Architecture.ARM64,
            http = Http.HTTP_API, environment = "ALLFRAME_LOG=info")
    static final class OrdersHttp {
    }

    @LambdaFunction(name = "order-summary", memory = 512, timeout = 60)
    @Subscribes(stream = "events", batchSize = 100, maxRetries = 3)
    static final class OrderSummaryProjection {
    }

    @LambdaFunction(name = "stock-events", runtime = LambdaFunction.Runtime.PROVIDED_AL2023, snapStart = false)
    @Subscribes(bus = "orders", detailTypes = {"StockReserved", "StockReservationFailed"})
    @Subscribes(queue = "order-commands")
    @CloudRunService(name = "orders", maxInstances = 5)
    static final class StockEvents {
        final Object store;

        StockEvents(@Uses(resource = "events", access = {Access.APPEND, Access.READ}) Object store,
                    @Uses(resource = "order-commands", access = Access.PUBLISH) Object queue) {
            this.store = store;
        }
    }

    @Test
    void annotations_are_for_the_compiler_only_and_invisible_to_reflection_at_run_time() {
        List<Class<? extends Annotation>> all = List.of(LambdaFunction.class, EventStore.class, Queue.class,
                EventBus.class, Bucket.class, CloudRunService.class, Subscribes.class, Uses.class);
        for (Class<? extends Annotation> a : all) {
            assertThat(a.getAnnotation(Retention.class).value()).as(a.getSimpleName())
                    .isEqualTo(RetentionPolicy.CLASS);
        }
        assertThat(OrdersHttp.class.getAnnotations()).isEmpty();
        assertThat(StockEvents.class.getDeclaredConstructors()[0].getParameterAnnotations()[0]).isEmpty();
    }
}
