package io.ziiklb.ziik.webhook;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a delivery is about: its trigger says the kind ({@code user} or {@code unit}), its body is
 * the bare Ziik object, whose {@code id} is all the hint needs (the engine reads the rest from
 * Ziik's API), a positive whole number. The body's {@code content_type}, when given, must agree
 * with the trigger.
 *
 * @param kind {@code user} or {@code unit}
 */
public record DeliveredObject(String kind, long id) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The object of a delivery of {@code trigger}; empty for another trigger or any other body. */
    public static Optional<DeliveredObject> parse(String trigger, byte[] body) {
        String kind = Triggers.objectKind(trigger);
        if (kind == null || body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode contentType = node.path("content_type");
            JsonNode id = node.path("id");
            boolean ok = node.isObject() && id.isIntegralNumber() && id.canConvertToLong() && id.asLong() > 0
                    && (contentType.isMissingNode() || contentType.isString() && kind.equals(contentType.stringValue()));
            return ok ? Optional.of(new DeliveredObject(kind, id.asLong())) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
