package org.creditgate.connector.envelope;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.Shield;
import org.creditgate.model.crypto.BodyDigest;
import org.creditgate.model.publication.PublicProjection;
import org.creditgate.spi.GatewayHeaders;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.ShieldItem;
import org.creditgate.spi.delivery.UpstreamMessage;

/**
 * Pure mapping between a queued record version and the exchange envelope of domain.md §7.2 (no Camel, no HTTP):
 * the message body (canonical JSON) → {@link Outbound}; outbound records → envelope bytes with the SM3 body digest.
 */
final class EnvelopeTranslator {

    /** Envelope times are Beijing time with the offset (domain.md §7.2). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The gateway headers a dead letter keeps (so an operator's replay puts the same message back). */
    static final Set<String> GATEWAY_HEADERS = Set.of(GatewayHeaders.RECORD_ID, GatewayHeaders.VERSION,
            GatewayHeaders.DATASET, GatewayHeaders.OP, GatewayHeaders.DEPARTMENT, GatewayHeaders.UPSTREAM,
            GatewayHeaders.GROUP, GatewayHeaders.SHIELD_TARGET);

    static final String SHIELD = "SHIELD";

    private final EnvelopeSettings settings;
    private final String receiver;
    private final Clock clock;

    EnvelopeTranslator(EnvelopeSettings settings, String receiver, Clock clock) {
        this.settings = settings;
        this.receiver = receiver;
        this.clock = clock;
    }

    /**
     * Reads a queued message.
     *
     * @throws PoisonException when the body is no canonical record, or its id disagrees with the headers
     */
    Outbound outbound(String body, Map<String, Object> headers) {
        if (body == null || body.isBlank()) {
            throw new PoisonException("empty message body");
        }
        CreditRecord record;
        try {
            record = CanonicalJson.read(body);
        } catch (IllegalArgumentException e) {
            throw new PoisonException(e.getMessage());
        }
        if (record.meta() == null || record.meta().recordId() == null || record.meta().version() < 1) {
            throw new PoisonException("the record carries no gateway recordId/version");
        }
        DeliveryRef ref = new DeliveryRef(record.meta().recordId(), record.meta().version());
        Object headerId = headers.get(GatewayHeaders.RECORD_ID);
        Object headerVersion = headers.get(GatewayHeaders.VERSION);
        if (headerId != null && !headerId.toString().equals(ref.recordId())
                || headerVersion != null && !headerVersion.toString().equals(String.valueOf(ref.version()))) {
            throw new PoisonException("headers name " + headerId + ":" + headerVersion + " but the body is "
                    + ref.recordId() + ":" + ref.version());
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (GATEWAY_HEADERS.contains(k) && v != null) {
                kept.put(k, v);
            }
        });
        if (record instanceof Shield shield) {
            // msgType SHIELD naming the version this upstream holds; only the shield's own data (domain.md §8)
            DeliveryRef target = ShieldItem.target(headers).filter(t -> t.recordId().equals(shield.targetRecordId()))
                    .orElseThrow(() -> new PoisonException("SHIELD " + ref.recordId() + " without a matching "
                            + GatewayHeaders.SHIELD_TARGET + " header"));
            return new Outbound(ref, shield.targetDataset().name(), SHIELD, UpstreamMessage.shieldData(shield), body,
                    kept, new ShieldItem(target, shield.cause().name()));
        }
        ObjectNode data = settings.publicView() ? PublicProjection.of(record)
                : CanonicalJson.mapper().valueToTree(record);
        data.remove("meta");
        String op = record.meta().op() == null ? "ADD" : record.meta().op().name();
        return new Outbound(ref, record.dataset().name(), op, data, body, kept);
    }

    /** False for a record the department did not allow to be published (only matters with publicView). */
    static boolean publishable(Outbound o) {
        JsonNode publish = o.data().path("publish");
        return !(publish.isBoolean() && !publish.booleanValue() || "N".equalsIgnoreCase(publish.asText()));
    }

    /** The envelope (JSON bytes) of one batch of one dataset under the message id. */
    byte[] envelope(String msgId, List<Outbound> batch) {
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        for (Outbound o : batch) {
            ObjectNode item = body.addObject();
            item.put("recordId", o.itemRef().recordId());
            item.put("version", o.itemRef().version());
            item.put("op", o.op());
            if (o.shield() != null) {
                item.put("cause", o.shield().cause());
            }
            item.set("data", o.data());
        }
        JsonNode canonicalBody = BodyDigest.canonical(body);
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("msgId", msgId);
        header.put("msgType", batch.get(0).shield() == null ? "DATA" : SHIELD);
        header.put("dataset", batch.get(0).dataset());
        header.put("schemaVersion", settings.schemaVersion());
        header.put("sender", settings.sender());
        header.put("receiver", receiver);
        header.put("sentAt", OffsetDateTime.now(clock.withZone(ZONE)).truncatedTo(ChronoUnit.MILLIS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header.put("nonce", UUID.randomUUID().toString().replace("-", ""));
        header.put("recordCount", batch.size());
        // the simulators and the gateway compute it the same way: the model's BodyDigest
        header.put("digest", BodyDigest.of(canonicalBody));
        ObjectNode envelope = JsonNodeFactory.instance.objectNode();
        envelope.set("header", header);
        envelope.set("body", canonicalBody);
        try {
            return CanonicalJson.mapper().writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
