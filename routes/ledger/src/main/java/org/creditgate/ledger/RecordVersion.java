package org.creditgate.ledger;

import java.time.Instant;

/**
 * One stored version of a record. The ledger does not interpret the payload: it is the canonical JSON produced by
 * the model, stored verbatim.
 *
 * @param recordId    gateway record id (UUID text)
 * @param version     1 for ADD, +1 per UPDATE
 * @param op          ADD / UPDATE / DELETE
 * @param dataset     LICENSE, PENALTY, … (the model's Dataset name)
 * @param department  the department that sent it (credential owner)
 * @param businessKey the dataset's business key (domain.md §4), as the model renders it
 * @param subjectKey  the subject's code used for ordering (USCC, or a keyed hash of a person's ID number)
 * @param contentHash hex digest of the canonical payload; identical resends have the same hash
 * @param payload     canonical JSON of the record
 * @param warnings    JSON array of W_* issues (may be "[]")
 * @param receivedAt  when the gateway received it
 * @param state       state at the time of reading
 */
public record RecordVersion(String recordId, int version, String op, String dataset, String department,
        String businessKey, String subjectKey, String contentHash, String payload, String warnings,
        Instant receivedAt, RecordState state) {

    public VersionRef ref() {
        return new VersionRef(recordId, version);
    }
}
