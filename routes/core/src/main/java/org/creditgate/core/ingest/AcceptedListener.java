package org.creditgate.core.ingest;

import java.time.Instant;
import java.util.List;

import org.creditgate.ledger.RecordVersion;

/**
 * Told about record versions once they are durable (stored in the ledger and confirmed by the broker): the place
 * for what a record sets off beyond its own delivery (an approved repair's shield, an objection's workflow, a
 * legal-representative link).
 *
 * <p>A listener runs after the department's records are safe, so its failure never loses them; it must therefore
 * be idempotent and able to catch up (run again over the same versions, or by a sweep over the ledger), because a
 * crash between the two is possible.
 */
@FunctionalInterface
public interface AcceptedListener {

    void accepted(List<RecordVersion> versions, Instant at);
}
