package dev.allframe.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.allframe.http.Attribute;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the module's whole public API as a user would, so an incompatible change fails compilation here. */
class PublicApiTest {
    static final class UserLambda extends AllFrameHandler {
        UserLambda() {
            super(() -> Router.builder().get("/me", PublicApiTest::me).build());
        }

        @Override
        protected List<Request> primingRequests() {
            return List.of(Request.get("/me"));
        }
    }

    static Response me(Request req) {
        Optional<LambdaContext> ctx = req.attribute(LambdaAttributes.CONTEXT);
        Optional<GatewayRequestContext> gw = req.attribute(LambdaAttributes.GATEWAY);
        Optional<EventKind> kind = req.attribute(LambdaAttributes.EVENT_KIND);
        Optional<String> ip = req.attribute(LambdaAttributes.SOURCE_IP);
        Optional<String> gwId = req.attribute(LambdaAttributes.GATEWAY_REQUEST_ID);
        Optional<String> stage = req.attribute(LambdaAttributes.STAGE);
        Claims claims = req.attribute(LambdaAttributes.CLAIMS).orElse(Claims.NONE);
        Optional<String> sub = claims.get("sub");
        Map<String, Object> raw = claims.values();
        String fromCurrent = LambdaContext.current().map(LambdaContext::requestId).orElse("-");
        Duration left = ctx.map(LambdaContext::remainingTime).orElse(Duration.ZERO);
        String arn = ctx.map(LambdaContext::functionArn).orElse("");
        String name = ctx.map(LambdaContext::functionName).orElse("");
        int mem = ctx.map(LambdaContext::memoryLimitMb).orElse(0);
        Optional<String> trace = ctx.flatMap(LambdaContext::traceHeader);
        Map<String, String> gwParams = gw.map(GatewayRequestContext::pathParameters).orElse(Map.of());
        return Response.text(kind.map(Enum::name).orElse("?") + ip.orElse("") + gwId.orElse("") + stage.orElse("")
                + sub.orElse("") + raw.size() + fromCurrent + left + arn + name + mem + trace.orElse("") + gwParams);
    }

    @Test
    void theWholePublicApiCompilesAndServes() {
        RequestStreamHandler handler = new UserLambda();
        AllFrameHandler viaFactory = AllFrameHandler.of(() -> Router.builder().build());
        Supplier<Router> app = viaFactory::application;
        assertThat(app.get()).isNotNull();
        assertThat(new UserLambda().prime()).isEqualTo(1);
        assertThat(handler).isInstanceOf(AllFrameHandler.class);
        Attribute<?>[] all = {LambdaAttributes.CONTEXT, LambdaAttributes.GATEWAY, LambdaAttributes.EVENT_KIND,
                LambdaAttributes.SOURCE_IP, LambdaAttributes.GATEWAY_REQUEST_ID, LambdaAttributes.STAGE,
                LambdaAttributes.CLAIMS};
        assertThat(all).doesNotContainNull().doesNotHaveDuplicates();
        InvalidEventException e1 = new MalformedEventException("m", null);
        InvalidEventException e2 = new UnsupportedEventException("u");
        assertThat(List.of(e1, e2)).allMatch(e -> e instanceof RuntimeException);
        assertThat(EventKind.values()).hasSize(4);
        assertThat(LambdaContext.of(TestContext.create("r"), "Root=1").traceHeader()).contains("Root=1");
        assertThat(new LambdaLogFinder().getLogger("x", getClass().getModule()).getName()).isEqualTo("x");
        Supplier<RequestStreamHandler> factory = UserLambda::new;
        assertThat(factory.get()).isNotNull(); // the shape LambdaRuntime.run(...) takes
    }
}
