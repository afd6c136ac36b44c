package org.creditgate.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.Penalty;
import org.creditgate.model.Repair;
import org.creditgate.model.publication.PublicationPeriod;
import org.creditgate.model.publication.PublicationPeriods;

/**
 * 信用修复 checks against the repaired record (domain.md §5.3): they need the target's current version, which the
 * ledger supplies, so they run after the stateless {@link RepairRules}. Errors are ordinary record rejections.
 *
 * <ul>
 * <li>E_REPAIR_NOT_ALLOWED (targetRecordId): the penalty is 特定严重失信 ({@link RepairPolicy#noEarlyRepair}) and its
 * maximum period has not ended: it is not repairable early;</li>
 * <li>E_REPAIR_TOO_EARLY (appliedOn): applied before the day after the minimum period of the NDRC rule of the
 * penalty's decision date ({@link PublicationPeriods#ndrc}); the message names the earliest date;</li>
 * <li>E_REPAIR_CONDITIONS (finePaid): the penalty had a fine that is not declared paid; (commitmentCode): no
 * 信用修复型 承诺 when the policy requires one.</li>
 * </ul>
 * Only repairs of penalties are checked (the periods are the penalties'), and only applications and approvals: a
 * REJECTED result is the department refusing a repair, often for exactly these reasons, and is kept as sent.
 */
public final class RepairChecks {

    private RepairChecks() {
    }

    /** Every finding of a repair against its target's current version (empty when there is nothing to check). */
    public static List<ValidationIssue> check(Repair repair, CreditRecord target, RepairPolicy policy) {
        if (!(target instanceof Penalty p) || p.decisionDate() == null
                || repair.decision() == Repair.Decision.REJECTED || repair.appliedOn() == null) {
            return List.of();
        }
        List<ValidationIssue> issues = new ArrayList<>(2);
        PublicationPeriod period = PublicationPeriods.ndrc(p);
        boolean beforeMax = !period.endedBy(repair.appliedOn());
        Optional<String> specific = specificSerious(p, policy);
        if (specific.isPresent() && beforeMax) {
            issues.add(new ValidationIssue("E_REPAIR_NOT_ALLOWED", "targetRecordId", "penalty "
                    + p.decisionDocNo() + " is 特定严重失信 (" + specific.get() + "): it is published for its full "
                    + "period until " + period.maxEnd() + " (" + period.regime().label() + ") and cannot be repaired "
                    + "early"));
        } else if (repair.appliedOn().isBefore(period.earliestRepairOn())) {
            issues.add(new ValidationIssue("E_REPAIR_TOO_EARLY", "appliedOn", "applied on " + repair.appliedOn()
                    + ", but the minimum publication period of penalty " + p.decisionDocNo() + " ("
                    + period.regime().label() + ", " + (p.severity() == Penalty.Severity.SERIOUS ? "严重" : "一般")
                    + "失信, decided " + period.start() + ") runs until " + period.minEnd()
                    + "; the earliest application date is " + period.earliestRepairOn()));
        }
        boolean fined = p.penaltyKinds().contains("罚款") || (p.fineAmount() != null && p.fineAmount().signum() > 0);
        if (fined && !Boolean.TRUE.equals(repair.finePaid())) {
            issues.add(new ValidationIssue("E_REPAIR_CONDITIONS", "finePaid", "penalty " + p.decisionDocNo()
                    + " imposed a fine: a repair needs it paid (finePaid = Y)"));
        }
        if (policy.requireCommitment() && beforeMax && (repair.commitmentCode() == null
                || repair.commitmentCode().isBlank())) {
            issues.add(new ValidationIssue("E_REPAIR_CONDITIONS", "commitmentCode", "a repair before the end of the "
                    + "publication period needs a 信用修复型 信用承诺: give its commitmentCode"));
        }
        return issues;
    }

    /** The word that makes a 严重失信 penalty 特定严重失信, if any. */
    private static Optional<String> specificSerious(Penalty p, RepairPolicy policy) {
        if (p.severity() != Penalty.Severity.SERIOUS) {
            return Optional.empty();
        }
        String text = (p.violationType() == null ? "" : p.violationType()) + " " + (p.facts() == null ? ""
                : p.facts());
        return policy.noEarlyRepair().stream().filter(text::contains).findFirst();
    }
}
