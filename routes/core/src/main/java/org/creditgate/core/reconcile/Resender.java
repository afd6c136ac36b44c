package org.creditgate.core.reconcile;

import org.creditgate.ledger.RecordVersion;

/** How reconciliation puts a record version back on its way, or gives up on it. */
public interface Resender {

    /** Re-enqueues the record version to the upstream's durable queue; {@code attempt} is 1 for the first resend. */
    void resend(String upstream, RecordVersion version, int attempt) throws Exception;

    /** Puts the record version on the upstream's dead-letter queue with class {@link #ERROR_CLASS} and the reason. */
    void deadLetter(String upstream, RecordVersion version, String reason) throws Exception;

    /** Error class of the letters reconciliation dead-letters (beside VALIDATION, TRANSIENT, POISON). */
    String ERROR_CLASS = "RECONCILIATION";
}
