package dev.allframe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.avaje.jsonb.Json;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Baseline (a2): the same plain handler as {@link JacksonHandler}, on AllFrame's JSON library (Avaje Jsonb with
 * adapters generated at compile time).
 */
public final class AvajeHandler implements RequestStreamHandler {
    private static final Jsonb JSONB = Jsonb.builder().build();
    private static final JsonType<Event> EVENT = JSONB.type(Event.class);
    private static final JsonType<CreateOrder> COMMAND = JSONB.type(CreateOrder.class);
    private static final JsonType<OrderCreated> CREATED = JSONB.type(OrderCreated.class);
    private static final JsonType<Answer> ANSWER = JSONB.type(Answer.class);

    /** The subset of the HTTP API 2.0 event this handler reads. */
    @Json
    public record Event(String rawPath, Map<String, String> headers, String body, boolean isBase64Encoded,
                        RequestContext requestContext) {
    }

    /** @param http the HTTP part of the request context */
    @Json
    public record RequestContext(Http http) {
    }

    /** @param method the method */
    @Json
    public record Http(String method) {
    }

    /** @param customerId the customer @param items the lines */
    @Json
    public record CreateOrder(String customerId, List<Item> items) {
    }

    /** @param sku the product @param quantity how many */
    @Json
    public record Item(String sku, int quantity) {
    }

    /** @param id the new order's id @param customerId its customer @param lines how many lines */
    @Json
    public record OrderCreated(String id, String customerId, int lines) {
    }

    /** @param statusCode the status @param headers the headers @param body the body */
    @Json
    public record Answer(int statusCode, Map<String, String> headers, String body) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Event event = EVENT.fromJson(input);
        Answer answer;
        if (!"POST".equals(event.requestContext().http().method()) || !"/orders".equals(event.rawPath())) {
            answer = new Answer(404, Map.of(), "");
        } else {
            String json = event.isBase64Encoded() ? new String(Base64.getDecoder().decode(event.body())) : event.body();
            CreateOrder cmd = COMMAND.fromJson(json);
            OrderCreated created = new OrderCreated(UUID.randomUUID().toString(), cmd.customerId(), cmd.items().size());
            answer = new Answer(201, Map.of("content-type", "application/json"), CREATED.toJson(created));
        }
        ANSWER.toJson(answer, output);
    }
}
