package org.creditgate.ledger;

/** Ledger state of one record version (domain.md §6.1, the part the foundation drives). */
public enum RecordState {
    /** Valid and stored; its message is not yet confirmed by the broker. */
    VALIDATED,
    /** Persistently enqueued on the delivery address. */
    QUEUED,
    /** An older version, replaced by a later UPDATE. */
    SUPERSEDED,
    /** No longer published (repair, revocation, expiry …); data kept for audit. */
    SHIELDED
}
