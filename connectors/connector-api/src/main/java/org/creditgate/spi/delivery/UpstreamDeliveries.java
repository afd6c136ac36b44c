package org.creditgate.spi.delivery;

import java.util.List;

/**
 * How a sink connector tells the ledger what happened to the record versions it took from its upstream's queue
 * (the ledger keeps every record version x upstream: QUEUED → SENT → ACCEPTED | REJECTED | UNKNOWN). Report before
 * acknowledging the message: a crash in between re-delivers, and reporting again is harmless.
 */
public interface UpstreamDeliveries {

    /** Sent in a batch (the upstream's receipt not yet in). */
    void sent(List<DeliveryRef> refs, String batchId);

    /** Acknowledged by the upstream with its receipt id. */
    void accepted(List<DeliveryRef> refs, String receiptId);

    /**
     * Refused by the upstream: kept with its error text, and put on the source department's rejection list so
     * the department sees why (code E_UPSTREAM_REJECTED, the upstream named).
     */
    void rejected(DeliveryRef ref, String receiptId, String error);

    /** No receipt in time: reconciliation queries the upstream, then resends. */
    void unknown(List<DeliveryRef> refs);
}
