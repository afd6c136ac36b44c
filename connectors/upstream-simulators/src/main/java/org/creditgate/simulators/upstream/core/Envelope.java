package org.creditgate.simulators.upstream.core;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A received message: header, body items and the body as received (for the digest). Parsing is lenient on the
 * items (a missing recordId is a per-record error in the receipt) and strict on the header (no msgId, msgType or
 * dataset → the whole message is refused with {@link EnvelopeException}).
 */
public record Envelope(EnvelopeHeader header, List<BodyItem> body, JsonNode rawBody) {

    public Envelope {
        body = List.copyOf(body);
    }

    /** The JSON envelope {@code {header{…}, body[…]}}. */
    public static Envelope parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new EnvelopeException("E_FORMAT", "", "the envelope is not a JSON object");
        }
        JsonNode h = root.path("header");
        if (!h.isObject()) {
            throw new EnvelopeException("E_REQUIRED", "header", "header missing");
        }
        JsonNode body = root.path("body");
        if (!body.isArray()) {
            throw new EnvelopeException("E_REQUIRED", "body", "body missing or not an array");
        }
        EnvelopeHeader header = header(h);
        List<BodyItem> items = new ArrayList<>();
        body.forEach(item -> items.add(item(item)));
        return new Envelope(header, items, body);
    }

    public static EnvelopeHeader header(JsonNode h) {
        String msgId = required(h, "msgId");
        String msgType = required(h, "msgType");
        if (!EnvelopeHeader.DATA.equals(msgType) && !EnvelopeHeader.SHIELD.equals(msgType)) {
            throw new EnvelopeException("E_ENUM", "header.msgType", "msgType must be DATA or SHIELD: " + msgType);
        }
        String dataset = required(h, "dataset");
        JsonNode count = h.path("recordCount");
        if (!count.isIntegralNumber() || !count.canConvertToInt()) {
            throw new EnvelopeException("E_REQUIRED", "header.recordCount", "recordCount missing or not a number");
        }
        return new EnvelopeHeader(msgId, msgType, dataset, text(h, "schemaVersion"), text(h, "sender"),
                text(h, "receiver"), text(h, "sentAt"), text(h, "nonce"), count.asInt(), text(h, "digest"));
    }

    public static BodyItem item(JsonNode item) {
        JsonNode data = item.path("data");
        int version = item.path("version").canConvertToInt() ? item.path("version").asInt() : 0;
        return new BodyItem(text(item, "recordId"), version, text(item, "op"), text(item, "cause"),
                data.isObject() ? data : JsonNodeFactory.instance.objectNode());
    }

    private static String required(JsonNode h, String name) {
        String v = text(h, name);
        if (v == null || v.isBlank()) {
            throw new EnvelopeException("E_REQUIRED", "header." + name, name + " missing");
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
