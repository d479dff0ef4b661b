package dev.allframe.bench.lambda;

import dev.allframe.bench.coldstart.OrdersRouterLambda;
import dev.allframe.http.Request;
import dev.allframe.http.Response;
import dev.allframe.http.Router;
import dev.allframe.lambda.AllFrameHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Warm cost of the Lambda door (docs/benchmarks/README.md: door + router under 0.2 ms per API Gateway event): an HTTP API 2.0
 * event for {@code POST /orders} through {@link AllFrameHandler#handle}, event JSON in, response JSON out, against
 * the same route called directly with a prebuilt {@link Request} (the router alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LambdaDoorBenchmark {
    private static final String EVENT = """
            {"version":"2.0","routeKey":"POST /orders","rawPath":"/orders","rawQueryString":"source=bench&x=1",
             "cookies":["session=abc"],
             "headers":{"accept":"application/json","content-type":"application/json","host":"api.example.com",
              "user-agent":"Mozilla/5.0","x-forwarded-for":"192.0.2.1","x-amzn-trace-id":"Root=1-5e-1"},
             "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"api.example.com",
              "http":{"method":"POST","path":"/orders","protocol":"HTTP/1.1","sourceIp":"192.0.2.1","userAgent":"bench"},
              "requestId":"bench-1","routeKey":"POST /orders","stage":"$default","timeEpoch":1767225600000,
              "authorizer":{"jwt":{"claims":{"sub":"user-1","scope":"orders"},"scopes":["orders"]}}},
             "body":"{\\"customerId\\":\\"c-1\\",\\"items\\":[{\\"sku\\":\\"A-1\\",\\"quantity\\":2}]}",
             "isBase64Encoded":false}
            """;

    private AllFrameHandler door;
    private Router router;
    private byte[] event;
    private Request request;

    /** Builds the handler and inputs once. */
    @Setup
    public void setup() {
        door = new OrdersRouterLambda();
        router = door.application();
        event = EVENT.getBytes(StandardCharsets.UTF_8);
        request = Request.builder(dev.allframe.http.HttpMethod.POST, "/orders?source=bench&x=1")
                .header("content-type", "application/json")
                .body("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"A-1\",\"quantity\":2}]}").build();
    }

    /** @return the response document for one API Gateway event */
    @Benchmark
    public byte[] doorAndRouter() {
        return door.handle(event, null);
    }

    /** @return the route's response with no door: the baseline the door's overhead is measured against */
    @Benchmark
    public Response routerOnly() {
        return router.handle(request);
    }
}
