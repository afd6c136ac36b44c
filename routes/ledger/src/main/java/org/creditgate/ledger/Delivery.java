package org.creditgate.ledger;

import java.time.Instant;

/** One record version on its way to one upstream platform. */
public record Delivery(String recordId, int version, String upstream, DeliveryState state, String batchId,
        String receiptId, String error, Instant queuedAt, Instant updatedAt) {

    /** A new delivery, just queued. */
    public static Delivery queued(String recordId, int version, String upstream, Instant at) {
        return new Delivery(recordId, version, upstream, DeliveryState.QUEUED, null, null, null, at, at);
    }
}
