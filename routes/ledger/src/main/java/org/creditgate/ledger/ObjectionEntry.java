package org.creditgate.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One objection (异议) as the ledger keeps it: the projection of its OBJECTION record versions.
 *
 * @param objectionId      异议编号 (the idempotency key)
 * @param recordId         the objection's own gateway record
 * @param recordVersion    the latest version of that record applied here (1 = the opening, 2+ = the result)
 * @param targetVersion    the version of the contested record when the objection was opened
 * @param provider         the department that provided the contested record (it verifies, domain.md §1)
 * @param source           who opened it: a department id or {@code operator:<name>}
 * @param dueOn            核实期限: forwardedOn + 20 working days
 * @param correctedVersion the target's corrected version (CORRECTED only)
 * @param overdueAlertedAt when the overdue alert was raised, if it was
 */
public record ObjectionEntry(String objectionId, String recordId, int recordVersion, String targetRecordId,
        String targetDataset, int targetVersion, String provider, String source, LocalDate submittedOn,
        LocalDate forwardedOn, LocalDate dueOn, ObjectionStatus status, LocalDate resultOn, Integer correctedVersion,
        Instant openedAt, Instant resolvedAt, Instant overdueAlertedAt) {

    public boolean pending() {
        return status == ObjectionStatus.PENDING;
    }

    /** A pending objection as first stored (no result, no alert). */
    public static ObjectionEntry opened(String objectionId, String recordId, int recordVersion, String targetRecordId,
            String targetDataset, int targetVersion, String provider, String source, LocalDate submittedOn,
            LocalDate forwardedOn, LocalDate dueOn, Instant openedAt) {
        return new ObjectionEntry(objectionId, recordId, recordVersion, targetRecordId, targetDataset, targetVersion,
                provider, source, submittedOn, forwardedOn, dueOn, ObjectionStatus.PENDING, null, null, openedAt,
                null, null);
    }
}
