package dev.allframe.lambda.events;

import dev.allframe.cqrs.Command;
import dev.allframe.json.JsonCodec;
import dev.allframe.json.JsonCodecException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Picks and decodes the command of a queue or topic message, or of an EventBridge event's detail. */
final class CommandDecoder {
    private final EventRoutes routes;
    private final JsonCodec codec;

    CommandDecoder(EventRoutes routes, JsonCodec codec) {
        this.routes = routes;
        this.codec = codec;
    }

    /**
     * @param what "SQS queue" or "SNS topic", for messages
     * @param name the queue or topic name
     * @param commands its routes
     * @param attribute the selector attribute's value, or {@code null}
     * @param body the message body
     * @return the command
     * @throws PoisonMessageException if no command is selected or the body does not decode as it
     */
    Command message(String what, String name, Map<String, Class<? extends Command>> commands, String attribute,
                    String body) {
        if (commands.isEmpty()) {
            throw new PoisonMessageException("no route for " + what + " '" + name + "'; add one with"
                    + " EventRoutes.builder()." + (what.startsWith("SQS") ? "sqs" : "sns") + "(\"" + name
                    + "\", ...)", null);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String selector = attribute;
        String how = "message attribute '" + routes.selectorAttribute() + "'";
        if (selector == null) {
            selector = bodyField(bytes);
            how = "body field '" + routes.selectorField() + "'";
        }
        Class<? extends Command> type;
        if (selector != null) {
            type = commands.get(selector);
            if (type == null) {
                throw new PoisonMessageException("unknown command '" + selector + "' (from the " + how + ") for "
                        + what + " '" + name + "'; known: " + commands.keySet(), null);
            }
        } else if (commands.size() == 1) {
            type = commands.values().iterator().next();
        } else {
            String broken = brokenJson(bytes);
            if (broken != null) {
                throw new PoisonMessageException("the body is not valid JSON (" + broken + "), so it names no"
                        + " command; " + what + " '" + name + "' routes several: " + commands.keySet(), null);
            }
            throw new PoisonMessageException("the message names no command: it has no message attribute '"
                    + routes.selectorAttribute() + "' and no body field '" + routes.selectorField() + "', and "
                    + what + " '" + name + "' routes several: " + commands.keySet(), null);
        }
        return decode(bytes, type);
    }

    /**
     * @param json the command's JSON
     * @param type its type
     * @return the command
     * @throws PoisonMessageException if it does not decode
     */
    Command decode(byte[] json, Class<? extends Command> type) {
        if (json.length == 0) {
            throw new PoisonMessageException("the body is empty; expected a " + type.getSimpleName() + " as JSON",
                    null);
        }
        try {
            return codec.read(json, type);
        } catch (JsonCodecException | ClassCastException e) {
            throw new PoisonMessageException("the body is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * An SQS message body that is an SNS notification envelope (an SNS topic delivering to an SQS queue without raw
     * message delivery): its {@code Message} is the real body and its {@code MessageAttributes} the attributes.
     *
     * @param body the SQS body
     * @return {@code {message, selector attribute or null}}, or {@code null} if the body is no SNS envelope
     */
    String[] snsEnvelope(String body) {
        if (body == null || !body.startsWith("{") || !body.contains("\"TopicArn\"")) {
            return null;
        }
        Object decoded;
        try {
            decoded = codec.read(body.getBytes(StandardCharsets.UTF_8), Object.class);
        } catch (JsonCodecException e) {
            return null;
        }
        if (!(decoded instanceof Map<?, ?> m) || !"Notification".equals(m.get("Type"))
                || !(m.get("TopicArn") instanceof String) || !(m.get("Message") instanceof String message)) {
            return null;
        }
        String selector = null;
        if (m.get("MessageAttributes") instanceof Map<?, ?> attributes
                && attributes.get(routes.selectorAttribute()) instanceof Map<?, ?> attr
                && attr.get("Value") instanceof String value) {
            selector = value;
        }
        return new String[] {message, selector};
    }

    /** @return why the body is not JSON, or {@code null} if it is */
    private String brokenJson(byte[] body) {
        try {
            codec.read(body, Object.class);
            return null;
        } catch (JsonCodecException e) {
            return e.getMessage();
        }
    }

    private String bodyField(byte[] body) {
        if (body.length == 0 || body[0] != '{' && !new String(body, StandardCharsets.UTF_8).strip().startsWith("{")) {
            return null;
        }
        Object decoded;
        try {
            decoded = codec.read(body, Object.class);
        } catch (JsonCodecException e) {
            return null; // decoding it as the command reports the broken JSON
        }
        return decoded instanceof Map<?, ?> m && m.get(routes.selectorField()) instanceof String s ? s : null;
    }
}
