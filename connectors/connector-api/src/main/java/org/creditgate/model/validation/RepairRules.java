package org.creditgate.model.validation;

import static org.creditgate.model.validation.RepairFields.ACCEPTED_ON;
import static org.creditgate.model.validation.RepairFields.APPLIED_ON;
import static org.creditgate.model.validation.RepairFields.COMMITMENT_CODE;
import static org.creditgate.model.validation.RepairFields.DECIDED_ON;
import static org.creditgate.model.validation.RepairFields.DECISION;
import static org.creditgate.model.validation.RepairFields.EVIDENCE;
import static org.creditgate.model.validation.RepairFields.FINE_PAID;
import static org.creditgate.model.validation.RepairFields.MODE;
import static org.creditgate.model.validation.RepairFields.REJECT_REASON;
import static org.creditgate.model.validation.RepairFields.REPAIR_ID;
import static org.creditgate.model.validation.RepairFields.TARGET_DATASET;
import static org.creditgate.model.validation.RepairFields.TARGET_RECORD_ID;
import static org.creditgate.model.validation.RepairFields.UNIT;
import static org.creditgate.model.validation.RepairFields.UNIT_USCC;

import java.time.LocalDate;

import org.creditgate.model.Dataset;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Repair;
import org.creditgate.model.Subject;

/** 信用修复 application/result rules (domain.md §3.7) beyond its field table {@link RepairFields}. */
final class RepairRules {

    private RepairRules() {
    }

    static Repair read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.CANONICAL);
        String repairId = in.text(REPAIR_ID);
        Dataset target = in.choice(TARGET_DATASET, Vocabulary.DATASET);
        String targetRecordId = in.text(TARGET_RECORD_ID);
        Repair.Mode mode = in.choice(MODE, Vocabulary.REPAIR_MODE);
        LocalDate appliedOn = in.date(APPLIED_ON);
        LocalDate acceptedOn = in.date(ACCEPTED_ON);
        LocalDate decidedOn = in.date(DECIDED_ON);
        Repair.Decision decision = in.choice(DECISION, Vocabulary.REPAIR_DECISION);
        String unit = in.text(UNIT);
        String unitUscc = in.uscc(UNIT_USCC);
        Boolean finePaid = in.choice(FINE_PAID, Vocabulary.YES_NO);
        String commitmentCode = CommitmentRules.commitmentCode(in, COMMITMENT_CODE);
        String evidence = in.text(EVIDENCE);
        String rejectReason = in.text(REJECT_REASON);

        if (decision != null) {
            // a result names who decided and when: the shield it triggers cites it
            in.requireBecause(DECIDED_ON, decidedOn, "when a decision is given");
            in.requireBecause(UNIT, unit, "when a decision is given");
            in.requireBecause(UNIT_USCC, unitUscc, "when a decision is given");
        }
        if (decision == Repair.Decision.REJECTED) {
            in.requireBecause(REJECT_REASON, rejectReason, "when the repair is refused (不予修复)");
        }
        DateRules.notAfterReceipt(in, appliedOn, APPLIED_ON);
        DateRules.notAfterReceipt(in, decidedOn, DECIDED_ON);
        DateRules.order(in, appliedOn, APPLIED_ON, acceptedOn, ACCEPTED_ON);
        DateRules.order(in, acceptedOn == null ? appliedOn : acceptedOn, acceptedOn == null ? APPLIED_ON : ACCEPTED_ON,
                decidedOn, DECIDED_ON);
        return new Repair(meta, subject, repairId, target, targetRecordId, mode, appliedOn, acceptedOn, decidedOn,
                decision, unit, unitUscc, finePaid, commitmentCode, evidence, rejectReason);
    }
}
