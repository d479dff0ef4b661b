package dev.allframe.lambda;

import dev.allframe.http.HttpMethod;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartHookTest {
    static final AtomicInteger CREATED = new AtomicInteger();

    static final class PrimedLambda extends AllFrameHandler {
        PrimedLambda() {
            super(() -> Router.builder().post("/orders", req -> {
                CREATED.incrementAndGet();
                return Response.json(201, java.util.Map.of("id", "o-1"));
            }).build());
        }

        @Override
        protected List<Request> primingRequests() {
            return List.of(Request.builder(HttpMethod.POST, "/orders").header("content-type", "application/json")
                    .body("{\"customerId\":\"c-1\"}").build());
        }
    }

    @Test
    void isNotRegisteredOnAnOrdinaryColdStart() {
        assertThat(AllFrameHandler.snapStartRequested()).isFalse();
    }

    @Test
    void beforeCheckpointPrimesTheRoutesThroughTheWholeDoor() throws Exception {
        System.setProperty("allframe.crac", "true");
        try {
            assertThat(AllFrameHandler.snapStartRequested()).isTrue();
            PrimedLambda handler = new PrimedLambda();
            SnapStartHook hook = SnapStartHook.register(handler);
            assertThat(hook).isNotNull();
            int before = CREATED.get();
            hook.beforeCheckpoint(null);
            assertThat(CREATED.get()).isEqualTo(before + 1);
            assertThat(hook.primed()).isEqualTo(1);
            hook.afterRestore(null);
        } finally {
            System.clearProperty("allframe.crac");
        }
    }
}
