package org.creditgate.ledger;

import java.time.Instant;

/** Latest version of a record and its state. */
public record RecordHead(String recordId, String dataset, String businessKey, String department,
        int currentVersion, String currentContentHash, RecordState state, Instant updatedAt) {
}
