package org.creditgate.model.validation;

import java.util.Optional;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Op;

/**
 * The rules that need the ledger's state (domain.md §4 E_DUPLICATE, E_UNKNOWN_RECORD, E_STATE and §6.3). The
 * ledger supplies the state; the rules stay here, with the others.
 */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    public static IngestDecision decide(CreditRecord incoming, String contentHash, Optional<HeadView> head) {
        Op op = incoming.meta().op();
        if (head.isEmpty()) {
            if (op == Op.ADD) {
                return new IngestDecision(IngestDecision.Kind.NEW, 1, null);
            }
            return IngestDecision.reject("E_UNKNOWN_RECORD", "op", op + " for a record the gateway never accepted "
                    + "(business key " + incoming.businessKey() + "); send it as ADD first");
        }
        HeadView h = head.get();
        if (h.currentContentHash().equals(contentHash)) {
            return new IngestDecision(IngestDecision.Kind.ALREADY_ACCEPTED, h.currentVersion(), null);
        }
        if (h.shielded()) {
            return IngestDecision.reject("E_STATE", "op", op + " refused: record " + h.recordId()
                    + " is shielded (no longer published); a re-listing needs a new decision with its own document");
        }
        if (op == Op.ADD) {
            return IngestDecision.reject("E_DUPLICATE", "op", "ADD for an existing record " + h.recordId()
                    + " (version " + h.currentVersion() + ") with different content; send corrections as UPDATE");
        }
        return new IngestDecision(IngestDecision.Kind.NEW_VERSION, h.currentVersion() + 1, null);
    }
}
