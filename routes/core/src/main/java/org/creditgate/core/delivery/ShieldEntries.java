package org.creditgate.core.delivery;

import java.time.Instant;

import org.creditgate.ledger.Ledger;
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

    /**
     * Applies a shield in the ledger by its scope: the whole record, or only on the platforms it names (the record
     * stays published locally). Idempotent.
     */
    public static ShieldEntry apply(Ledger ledger, Shield shield, String recordId, String source, Instant at) {
        ShieldEntry entry = of(shield, recordId, source, at);
        return shield.scope() == Shield.Scope.PLATFORMS
                ? ledger.applyPlatformShield(entry, new java.util.TreeSet<>(shield.targets()))
                : ledger.applyShield(entry);
    }
}
