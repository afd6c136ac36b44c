package org.creditgate.connector.envelope;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.ShieldItem;

/**
 * One record version taken from the upstream's queue, ready for the envelope.
 *
 * @param ref     record id and version
 * @param dataset dataset name (envelope header)
 * @param op      ADD / UPDATE / DELETE
 * @param data    the item's {@code data}: the record's canonical JSON without its gateway meta (public projection
 *                when the instance publishes)
 * @param body    the message body as received (for the dead-letter queue)
 * @param headers the gateway headers as received (for the dead-letter queue)
 * @param shield  for a SHIELD (msgType SHIELD): the shielded version and the cause; null for data. The ledger is
 *                told about {@link #ref} (the shield's own record), the upstream about {@link #itemRef}
 */
record Outbound(DeliveryRef ref, String dataset, String op, JsonNode data, String body, Map<String, Object> headers,
        ShieldItem shield) {

    Outbound(DeliveryRef ref, String dataset, String op, JsonNode data, String body, Map<String, Object> headers) {
        this(ref, dataset, op, data, body, headers, null);
    }

    /** What the envelope item and the upstream's receipt name: the shielded version for a SHIELD, else {@link #ref}. */
    DeliveryRef itemRef() {
        return shield == null ? ref : shield.target();
    }

    /** The deterministic message id of this record version: a redelivery asks the upstream about the same id. */
    String msgId() {
        return "CG-" + ref.recordId() + "-" + ref.version();
    }

    @Override
    public String toString() {
        // never the body or data: they may hold a personal ID number
        return dataset + " " + ref.recordId() + ":" + ref.version();
    }
}
