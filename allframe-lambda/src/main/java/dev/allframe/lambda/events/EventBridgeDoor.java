package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.eventstore.Metadata;
import dev.allframe.json.JsonCodec;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** EventBridge events: {@code detail-type} (and {@code source}) select the command, {@code detail} is its JSON. */
final class EventBridgeDoor {
    private final EventRoutes routes;
    private final CommandDecoder decoder;
    private final CommandDispatcher dispatcher;
    private final JsonCodec codec;

    EventBridgeDoor(EventRoutes routes, CommandDecoder decoder, CommandDispatcher dispatcher, JsonCodec codec) {
        this.routes = routes;
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.codec = codec;
    }

    byte[] handle(Map<String, Object> event) {
        String id = Json.optionalString(event, "id");
        String source = Json.optionalString(event, "source");
        String detailType = Json.optionalString(event, "detail-type");
        String what = "EventBridge event " + id + " (source '" + source + "', detail-type '" + detailType + "')";
        try {
            if (id == null) {
                throw new Json.MalformedRecordException("'id' must be a string, but is "
                        + Json.describe(event.get("id")));
            }
            Class<? extends Command> type = routes.eventBridge(source, detailType);
            if (type == null) {
                throw new PoisonMessageException("no route for detail-type '" + detailType + "' from source '"
                        + source + "'; routed detail-types: " + routes.eventBridgeDetailTypes(), null);
            }
            Object detail = event.get("detail");
            if (!(detail instanceof Map<?, ?>)) {
                throw new PoisonMessageException("'detail' must be an object (the " + type.getSimpleName()
                        + "), but is " + Json.describe(detail), null);
            }
            Command command = decoder.decode(codec.write(detail), type);
            CommandDispatcher.Outcome outcome = dispatcher.dispatch("eventbridge:" + id, command,
                    Metadata.of("message-id", id).with("event-source", "aws:events"));
            StringBuilder sb = new StringBuilder(96).append("{\"id\":");
            Json.quote(sb, id).append(",\"command\":");
            Json.quote(sb, type.getSimpleName()).append(",\"outcome\":");
            Json.quote(sb, outcome.name().toLowerCase(java.util.Locale.ROOT)).append('}');
            return sb.toString().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            Failure.report(what, e);
            throw new EventDispatchException(what + " failed: " + e.getMessage(), id == null ? List.of() : List.of(id),
                    e);
        }
    }
}
