package org.creditgate.core.delivery;

import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordState;

/**
 * Whether a record is shielded, as the lanes ask it before every send. The gateway answers from the shield cache
 * (a Hazelcast map over the ledger); {@link #ledger} asks the ledger directly (tests, and a gateway without a
 * cluster member).
 */
@FunctionalInterface
public interface ShieldLookup {

    boolean shielded(String recordId);

    static ShieldLookup ledger(Ledger ledger) {
        return recordId -> ledger.head(recordId).map(h -> h.state() == RecordState.SHIELDED).orElse(false);
    }
}
