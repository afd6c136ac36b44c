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
import org.creditgate.model.Shield;
import org.creditgate.spi.GatewayHeaders;

/**
 * One record version as it comes off the upstream queue: the {@link GatewayHeaders} and the canonical JSON body,
 * with the body flattened into the upstream's {@code data} (nested members joined with '.', list items as a JSON
 * array, every value as text so the digest never depends on number formatting). Anything missing or unreadable is
 * a {@link PoisonMessageException}: it cannot be sent at all. Shared by the sink connectors, so every upstream gets
 * the same data for the same record version. A SHIELD message ({@link #shield} non-null) names the shielded record
 * version ({@link #itemRef}) and carries only the shield's own data.
 */
public record UpstreamMessage(DeliveryRef ref, String dataset, String op, ObjectNode data, ShieldItem shield) {

    /** A DATA message (no shield). */
    public UpstreamMessage(DeliveryRef ref, String dataset, String op, ObjectNode data) {
        this(ref, dataset, op, data, null);
    }

    /** DATA or SHIELD: the envelope's msgType. */
    public String msgType() {
        return shield == null ? "DATA" : SHIELD;
    }

    /**
     * The record version the upstream's item (and so its receipt) names: the shielded version for a SHIELD, else
     * {@link #ref}. Report to the ledger with {@link #ref}, always.
     */
    public DeliveryRef itemRef() {
        return shield == null ? ref : shield.target();
    }

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
        DeliveryRef ref = new DeliveryRef(recordId, version);
        if (SHIELD.equals(dataset)) {
            return shield(in, ref);
        }
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

    /**
     * A SHIELD goes upstream as msgType SHIELD aimed at the version the upstream holds (header
     * {@link GatewayHeaders#SHIELD_TARGET}, set per upstream by the fan-out). Its data is only what identifies the
     * decision — shieldId, effectiveAt, decisionRef, targetDataset —, never the subject block or the business key:
     * both may hold a personal ID number, and every platform already knows the record by its recordId (domain.md §8).
     */
    private static UpstreamMessage shield(Message in, DeliveryRef ref) {
        Shield s;
        try {
            s = (Shield) CanonicalJson.read(in.getBody(String.class));
        } catch (RuntimeException e) {
            throw new PoisonMessageException(ref.recordId() + ":" + ref.version() + ": SHIELD body is not a shield: "
                    + e.getMessage());
        }
        DeliveryRef target = ShieldItem.target(in.getHeaders()).orElseThrow(() -> new PoisonMessageException(
                ref.recordId() + ":" + ref.version() + ": SHIELD without a " + GatewayHeaders.SHIELD_TARGET
                        + " header (which version the upstream holds)"));
        if (s.cause() == null || s.targetDataset() == null || !target.recordId().equals(s.targetRecordId())) {
            throw new PoisonMessageException(ref.recordId() + ":" + ref.version() + ": SHIELD for "
                    + s.targetRecordId() + " but addressed to " + target.recordId());
        }
        return new UpstreamMessage(ref, s.targetDataset().name(), SHIELD, shieldData(s),
                new ShieldItem(target, s.cause().name()));
    }

    /**
     * The {@code data} of a SHIELD item, the same for every upstream: shieldId, targetDataset, effectiveAt,
     * decisionRef — nothing personal (no subject block, no business key).
     */
    public static ObjectNode shieldData(Shield s) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("shieldId", s.shieldId());
        data.put("targetDataset", s.targetDataset().name());
        if (s.effectiveAt() != null) {
            data.put("effectiveAt", s.effectiveAt().toString());
        }
        if (s.decisionRef() != null) {
            data.put("decisionRef", s.decisionRef());
        }
        return data;
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
