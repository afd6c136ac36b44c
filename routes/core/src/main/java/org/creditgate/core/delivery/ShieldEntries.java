package org.creditgate.core.delivery;

import java.time.Instant;

import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.Shield;

/** A validated SHIELD record as the ledger keeps it. */
public final class ShieldEntries {

    private ShieldEntries() {
    }

    /**
     * @param recordId the shield's own gateway record id
     * @param source   who issued it (the department the record came from)
     */
    public static ShieldEntry of(Shield shield, String recordId, String source, Instant at) {
        return new ShieldEntry(shield.shieldId(), recordId, shield.targetRecordId(), shield.targetDataset().name(),
                shield.cause().name(), shield.decisionRef(),
                shield.effectiveAt() == null ? null : shield.effectiveAt().toInstant(), source, at);
    }
}
