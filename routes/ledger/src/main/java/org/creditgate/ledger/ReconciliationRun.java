package org.creditgate.ledger;

import java.time.Instant;

/** One stored reconciliation report of one upstream (the ledger keeps the JSON, it does not interpret it). */
public record ReconciliationRun(long id, String upstream, Instant runAt, String report) {
}
