package org.creditgate.spi.delivery;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.camel.Message;
import org.creditgate.model.CanonicalJson;
import org.creditgate.spi.GatewayHeaders;

/**
 * One record version as it comes off the upstream queue: the {@link GatewayHeaders} and the canonical JSON body,
 * with the body flattened into the upstream's {@code data} (nested members joined with '.', list items as a JSON
 * array, every value as text so the digest never depends on number formatting). Anything missing or unreadable is
 * a {@link PoisonMessageException}: it cannot be sent at all. Shared by the sink connectors, so every upstream gets
 * the same data for the same record version.
 */
public record UpstreamMessage(DeliveryRef ref, String dataset, String op, ObjectNode data) {

    /** Members of the canonical JSON that are envelope, not data. */
    private static final java.util.Set<String> ENVELOPE = java.util.Set.of("meta", "dataset");
    private static final String SHIELD = "SHIELD";

    public static UpstreamMessage of(Message in) {
        String recordId = in.getHeader(GatewayHeaders.RECORD_ID, String.class);
        Integer version = in.getHeader(GatewayHeaders.VERSION, Integer.class);
        String dataset = in.getHeader(GatewayHeaders.DATASET, String.class);
        String op = in.getHeader(GatewayHeaders.OP, String.class);
        if (blank(recordId) || version == null || version < 1 || blank(dataset) || blank(op)) {
            throw new PoisonMessageException("message without " + GatewayHeaders.RECORD_ID + "/"
                    + GatewayHeaders.VERSION + "/" + GatewayHeaders.DATASET + "/" + GatewayHeaders.OP + " headers ("
                    + recordId + ":" + version + ", " + dataset + ", " + op + ")");
        }
        if (SHIELD.equals(dataset)) {
            // a SHIELD goes upstream as msgType SHIELD aimed at the shielded version: not implemented yet, so it is
            // dead-lettered (visible, replayable) instead of being sent as if it were data
            throw new PoisonMessageException(recordId + ":" + version + ": SHIELD delivery is not implemented yet");
        }
        DeliveryRef ref = new DeliveryRef(recordId, version);
        String body = in.getBody(String.class);
        JsonNode record;
        try {
            record = body == null ? null : CanonicalJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException(recordId + ":" + version + ": body is not JSON: "
                    + e.getOriginalMessage());
        }
        if (record == null || !record.isObject()) {
            throw new PoisonMessageException(recordId + ":" + version + ": body is not a JSON object");
        }
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ENVELOPE.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), data);
            }
        }
        return new UpstreamMessage(ref, dataset, op, data);
    }

    private static void flatten(String name, JsonNode value, ObjectNode out) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> flatten(name + "." + e.getKey(), e.getValue(), out));
        } else if (value.isArray()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (item.isContainerNode()) {
                    flatten(name + "[" + i + "]", item, out);
                } else if (!item.isNull()) {
                    list.add(item.asText());
                }
            }
            if (!list.isEmpty()) {
                out.set(name, list);
            }
        } else {
            out.put(name, value.asText());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
