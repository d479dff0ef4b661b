package dev.allframe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Baseline (a1): what most users write, a plain {@link RequestStreamHandler} that binds the HTTP API event and its
 * body with Jackson databind and writes a small JSON response.
 */
public final class JacksonHandler implements RequestStreamHandler {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The subset of the HTTP API 2.0 event this handler reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String rawPath, Map<String, String> headers, String body, boolean isBase64Encoded,
                        RequestContext requestContext) {
    }

    /** @param http the HTTP part of the request context */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Http http) {
    }

    /** @param method the method */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method) {
    }

    /** @param customerId the customer @param items the lines */
    public record CreateOrder(String customerId, List<Item> items) {
    }

    /** @param sku the product @param quantity how many */
    public record Item(String sku, int quantity) {
    }

    /** @param id the new order's id @param customerId its customer @param lines how many lines */
    public record OrderCreated(String id, String customerId, int lines) {
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Event event = MAPPER.readValue(input, Event.class);
        Map<String, Object> response = new LinkedHashMap<>();
        if (!"POST".equals(event.requestContext().http().method()) || !"/orders".equals(event.rawPath())) {
            response.put("statusCode", 404);
            response.put("body", "");
        } else {
            String json = event.isBase64Encoded() ? new String(Base64.getDecoder().decode(event.body())) : event.body();
            CreateOrder cmd = MAPPER.readValue(json, CreateOrder.class);
            OrderCreated created = new OrderCreated(UUID.randomUUID().toString(), cmd.customerId(), cmd.items().size());
            response.put("statusCode", 201);
            response.put("headers", Map.of("content-type", "application/json"));
            response.put("body", MAPPER.writeValueAsString(created));
        }
        MAPPER.writeValue(output, response);
    }
}
