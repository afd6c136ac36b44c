package org.creditgate.simulators.upstream.national;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.simulators.upstream.core.BodyItem;
import org.creditgate.simulators.upstream.core.Envelope;
import org.creditgate.simulators.upstream.core.EnvelopeException;
import org.creditgate.simulators.upstream.core.EnvelopeHeader;
import org.creditgate.simulators.upstream.core.Holding;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.Receipt;
import org.creditgate.simulators.upstream.core.RecordError;
import org.creditgate.simulators.upstream.core.RecordResult;
import org.creditgate.simulators.upstream.national.ws.SubmitBatch;
import org.creditgate.simulators.upstream.national.ws.WsError;
import org.creditgate.simulators.upstream.national.ws.WsHeader;
import org.creditgate.simulators.upstream.national.ws.WsHolding;
import org.creditgate.simulators.upstream.national.ws.WsItem;
import org.creditgate.simulators.upstream.national.ws.WsReceipt;
import org.creditgate.simulators.upstream.national.ws.WsResult;

/**
 * SOAP types ↔ the common model. The body the digest covers is the JSON array of items {@code {recordId, version,
 * op, cause, data}} with {@code data} parsed from its JSON text: the same bytes as the REST upstreams' body.
 */
final class WsMapping {

    private WsMapping() {
    }

    static Envelope envelope(SubmitBatch request) {
        if (request == null || request.header == null) {
            throw new EnvelopeException("E_REQUIRED", "header", "header missing");
        }
        ArrayNode body = JsonNodeFactory.instance.arrayNode();
        List<BodyItem> items = new ArrayList<>();
        for (WsItem i : request.items) {
            ObjectNode n = body.addObject();
            n.put("recordId", i.recordId);
            n.put("version", i.version);
            n.put("op", i.op);
            n.put("cause", i.cause);
            JsonNode data = i.data == null || i.data.isBlank() ? JsonNodeFactory.instance.objectNode()
                    : Json.read(i.data);
            n.set("data", data);
            items.add(new BodyItem(i.recordId, i.version, i.op, i.cause, data));
        }
        WsHeader h = request.header;
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("msgId", h.msgId).put("msgType", h.msgType).put("dataset", h.dataset)
                .put("schemaVersion", h.schemaVersion).put("sender", h.sender).put("receiver", h.receiver)
                .put("sentAt", h.sentAt).put("nonce", h.nonce).put("recordCount", h.recordCount)
                .put("digest", h.digest);
        EnvelopeHeader parsed = Envelope.header(header);
        return new Envelope(parsed, items, body);
    }

    static WsReceipt receipt(Receipt r) {
        WsReceipt w = new WsReceipt();
        w.ackFor = r.ackFor();
        w.status = r.status();
        w.received = r.received();
        w.accepted = r.accepted();
        w.rejected = r.rejected();
        w.receivedAt = r.receivedAt();
        w.errors = r.errors().stream().map(WsMapping::error).toList();
        w.results = r.results().stream().map(WsMapping::result).toList();
        return w;
    }

    static WsResult result(RecordResult r) {
        WsResult w = new WsResult();
        w.recordId = r.recordId();
        w.version = r.version();
        w.status = r.status();
        w.errors = r.errors().stream().map(WsMapping::error).toList();
        return w;
    }

    static WsError error(RecordError e) {
        WsError w = new WsError();
        w.code = e.code();
        w.field = e.field();
        w.msg = e.msg();
        return w;
    }

    static WsHolding holding(Holding h) {
        WsHolding w = new WsHolding();
        w.recordId = h.recordId();
        w.dataset = h.dataset();
        w.version = h.version();
        w.op = h.op();
        w.withdrawn = h.withdrawn();
        w.shielded = h.shielded();
        w.shieldCause = h.shieldCause();
        w.shieldedAt = h.shieldedAt() == null ? null : h.shieldedAt().toString();
        w.receivedAt = h.receivedAt() == null ? null : h.receivedAt().toString();
        w.phantom = h.phantom();
        return w;
    }
}
