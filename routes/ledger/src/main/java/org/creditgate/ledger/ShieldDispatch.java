package org.creditgate.ledger;

import java.time.Instant;

/**
 * A shield on its way to one platform: the proof of domain.md §5.2 (dispatch ≤ 1 working day, ack ≤ 3).
 *
 * @param targetVersion the version of the shielded record the platform holds (what the shield names)
 * @param dispatchedAt  first hand-over to the platform's sink; null while queued
 * @param ackedAt       the platform's acknowledgement; null while open
 * @param resends       how many times the SLA watch sent it again
 * @param alertedAt     when the SLA watch raised the overdue alert, if it did
 */
public record ShieldDispatch(String shieldId, String upstream, int targetVersion, Instant queuedAt,
        Instant dispatchedAt, Instant ackedAt, String receiptId, String error, int resends, Instant lastResentAt,
        Instant alertedAt) {

    public boolean acked() {
        return ackedAt != null;
    }
}
