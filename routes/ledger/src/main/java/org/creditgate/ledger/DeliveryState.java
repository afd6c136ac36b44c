package org.creditgate.ledger;

/** Where a record version is on its way to one upstream platform. */
public enum DeliveryState {
    /** On the upstream's queue, not yet sent. */
    QUEUED,
    /** Sent; the upstream's receipt has not arrived. */
    SENT,
    /** The upstream acknowledged it (its receipt id is kept). */
    ACCEPTED,
    /** The upstream refused it; its error text goes back to the department. */
    REJECTED,
    /** Shielded before it was sent: never to be delivered. */
    SUPPRESSED,
    /** No receipt in time: to be queried, then resent. */
    UNKNOWN
}
