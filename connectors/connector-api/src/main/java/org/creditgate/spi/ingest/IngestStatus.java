package org.creditgate.spi.ingest;

/** What the gateway answers for one record of a push. */
public enum IngestStatus {
    /** Stored in the ledger and confirmed on disk by the broker. */
    ACCEPTED,
    /** Identical to a version the gateway already accepted; nothing new stored (idempotent resend). */
    ALREADY_ACCEPTED,
    /** Refused with errors; the input is kept and listed under /api/v1/rejections. */
    REJECTED
}
