package org.creditgate.ledger;

import java.time.Instant;

/**
 * One shield as the ledger keeps it.
 *
 * @param shieldId       the idempotency key (屏蔽编号)
 * @param recordId       the shield's own gateway record id (its deliveries are in cg_delivery like any record's)
 * @param targetRecordId the shielded record
 * @param source         who issued it: a department id, {@code operator:<name>}, {@code upstream:<id>} or
 *                       {@code gateway}
 */
public record ShieldEntry(String shieldId, String recordId, String targetRecordId, String targetDataset,
        String cause, String decisionRef, Instant effectiveAt, String source, Instant createdAt) {
}
