package org.creditgate.ledger;

import java.time.Instant;

/**
 * Input the gateway refused, kept for inspection and fed back to the department.
 *
 * @param id         ledger-assigned id (null when creating)
 * @param department the sender
 * @param receivedAt when it arrived
 * @param dataset    dataset if it could be determined, else null
 * @param senderRef  the sender's own reference (e.g. the decision document number) if present, else null
 * @param payload    the record exactly as received (JSON text)
 * @param errors     JSON array of {code, field, message}
 */
public record Rejection(Long id, String department, Instant receivedAt, String dataset, String senderRef,
        String payload, String errors) {
}
