package org.creditgate.connector.soap;

import org.creditgate.spi.delivery.UpstreamMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.soap.ws.SubmitBatch;
import org.creditgate.connector.soap.ws.WsHeader;
import org.creditgate.connector.soap.ws.WsItem;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.crypto.Sm3;

/**
 * Builds the national {@code submitBatch} envelope (domain.md §7.2) for one record version: header with
 * {@code recordCount} and {@code digest} = SM3 of the body's canonical bytes (the items as JSON, members sorted at
 * every level, nulls left out, {@code data} as the object its JSON text holds). The msgId is derived from the
 * record version, so a redelivered message is the same message to the platform (which answers it again).
 */
final class NationalBatch {

    static final String DATA = "DATA";
    static final String SCHEMA_VERSION = "2021";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private NationalBatch() {
    }

    static String msgId(String sender, UpstreamMessage m) {
        return sender + "-" + m.ref().recordId() + "-v" + m.ref().version();
    }

    static SubmitBatch of(UpstreamMessage m, String sender, String receiver, Clock clock) {
        // a SHIELD names the version the platform holds and carries its cause (the submitBatch contract's msgType
        // SHIELD); the ledger still hears about m.ref(), the shield's own record
        WsItem item = new WsItem();
        item.recordId = m.itemRef().recordId();
        item.version = m.itemRef().version();
        item.op = m.op();
        item.cause = m.shield() == null ? null : m.shield().cause();
        item.data = write(canonical(m.data()));

        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        ObjectNode digestItem = body.addObject();
        digestItem.put("recordId", item.recordId).put("version", item.version).put("op", item.op);
        if (item.cause != null) {
            digestItem.put("cause", item.cause);
        }
        digestItem.set("data", m.data());

        WsHeader h = new WsHeader();
        h.msgId = msgId(sender, m);
        h.msgType = m.msgType();
        h.dataset = m.dataset();
        h.schemaVersion = SCHEMA_VERSION;
        h.sender = sender;
        h.receiver = receiver;
        h.sentAt = OffsetDateTime.now(clock.withZone(BEIJING)).truncatedTo(ChronoUnit.SECONDS).toString();
        h.nonce = UUID.randomUUID().toString().replace("-", "");
        h.recordCount = 1;
        h.digest = Sm3.hex(bytes(canonical(body)));

        SubmitBatch batch = new SubmitBatch();
        batch.header = h;
        batch.items.add(item);
        return batch;
    }

    /** A copy with object members sorted by name at every level and null members removed. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    sorted.put(e.getKey(), canonical(e.getValue()));
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static String write(JsonNode node) {
        return new String(bytes(node), java.nio.charset.StandardCharsets.UTF_8);
    }
}
