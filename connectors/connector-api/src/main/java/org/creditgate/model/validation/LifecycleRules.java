package org.creditgate.model.validation;

import java.util.Optional;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Objection;
import org.creditgate.model.Op;
import org.creditgate.model.Repair;
import org.creditgate.model.Shield;

/**
 * The rules that need the ledger's state (domain.md §4 E_DUPLICATE, E_UNKNOWN_RECORD, E_STATE; §6.3). The ledger
 * supplies the state; the rules stay here, next to the stateless ones, so that one class answers "what may happen
 * to a record".
 */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    /**
     * What to do with a valid record, given the head of the record its recordId points to (the caller derives the
     * id with {@link org.creditgate.model.RecordIds#forBusinessKey}, or takes the sender's for UPDATE/DELETE).
     *
     * <ul>
     * <li>no head: ADD → NEW (version 1); UPDATE/DELETE → E_UNKNOWN_RECORD</li>
     * <li>same content hash as the head: ALREADY_ACCEPTED, whatever the op (an identical resend is idempotent, even
     * for a shielded record)</li>
     * <li>shielded head: ADD/UPDATE → E_STATE (a re-listing is a new decision with its own business key); DELETE →
     * NEW_VERSION, because a revocation must be recorded even after a repair shielded the record</li>
     * <li>otherwise: ADD → E_DUPLICATE; UPDATE/DELETE → NEW_VERSION (current + 1)</li>
     * </ul>
     */
    public static IngestDecision decide(CreditRecord incoming, String contentHash, Optional<HeadView> head) {
        Op op = incoming.meta().op();
        if (head.isEmpty()) {
            if (op == Op.ADD) {
                return new IngestDecision(IngestDecision.Kind.NEW, 1, null);
            }
            return IngestDecision.reject("E_UNKNOWN_RECORD", "op", op + " for a record the gateway never accepted "
                    + "(" + incoming.dataset() + " " + incoming.businessKey() + "); send it as ADD first");
        }
        HeadView h = head.get();
        if (h.currentContentHash().equals(contentHash)) {
            return new IngestDecision(IngestDecision.Kind.ALREADY_ACCEPTED, h.currentVersion(), null);
        }
        if (h.shielded() && op != Op.DELETE) {
            return IngestDecision.reject("E_STATE", "op", op + " refused: record " + h.recordId()
                    + " is shielded (no longer published); a re-listing needs a new decision with its own document");
        }
        if (op == Op.ADD) {
            return IngestDecision.reject("E_DUPLICATE", "op", "ADD for an existing record " + h.recordId()
                    + " (version " + h.currentVersion() + ") with different content; send corrections as UPDATE");
        }
        return new IngestDecision(IngestDecision.Kind.NEW_VERSION, h.currentVersion() + 1, null);
    }

    /**
     * The gateway record a SHIELD, REPAIR or OBJECTION acts on (its {@code targetRecordId}); empty for the other
     * datasets. The caller looks up its head and passes it to {@link #checkTarget}.
     */
    public static Optional<String> targetRecordId(CreditRecord record) {
        if (record instanceof Shield s) {
            return Optional.ofNullable(s.targetRecordId());
        }
        if (record instanceof Repair r) {
            return Optional.ofNullable(r.targetRecordId());
        }
        if (record instanceof Objection o) {
            return Optional.ofNullable(o.targetRecordId());
        }
        return Optional.empty();
    }

    /** E_UNKNOWN_RECORD when a SHIELD, REPAIR or OBJECTION names a target record the gateway never accepted. */
    public static Optional<ValidationIssue> checkTarget(CreditRecord record, Optional<HeadView> targetHead) {
        Optional<String> target = targetRecordId(record);
        if (target.isEmpty() || targetHead.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ValidationIssue("E_UNKNOWN_RECORD", "targetRecordId", record.dataset()
                + " for record " + target.get() + ", which the gateway never accepted"));
    }
}
