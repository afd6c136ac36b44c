package org.creditgate.core.shield;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one run of the expiry job did.
 *
 * @param trigger         who ran it (scheduled, or the operator)
 * @param day             the business day it judged periods on
 * @param scanned         candidate records looked at
 * @param shieldsIssued   EXPIRED shields newly accepted
 * @param alreadyIssued   EXPIRED shields that already existed (an earlier run: idempotent)
 * @param repairShields   shields caught up for approved repairs whose target was not shielded yet
 * @param failed          records the job could not handle (logged; retried next run)
 * @param shields         the EXPIRED shields newly issued (at most {@link ExpiryJob#MAX_LISTED})
 */
public record ExpiryRun(String trigger, LocalDate day, Instant startedAt, Instant finishedAt, int scanned,
        int shieldsIssued, int alreadyIssued, int repairShields, int failed, List<Issued> shields) {

    /** One EXPIRED shield: the record, the last day of its period and the platforms it goes to (empty: local only). */
    public record Issued(String shieldId, String recordId, LocalDate endedOn, List<String> targets) {
    }
}
