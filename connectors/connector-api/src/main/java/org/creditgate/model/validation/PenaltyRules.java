package org.creditgate.model.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.creditgate.model.Penalty;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 行政处罚 data items and rules (domain.md §3.3), incl. the conditional amounts and licence items. */
final class PenaltyRules {

    static final String PREFIX = "CF_";

    private PenaltyRules() {
    }

    static Penalty read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, PREFIX);
        String docNo = in.text("decisionDocNo", "CF_WSH", 128, true);
        String violation = in.text("violationType", "CF_WFXW", 2000, true);
        String facts = in.text("facts", "CF_SY", 4000, true);
        String basis = in.text("legalBasis", "CF_YJ", 2000, true);
        List<String> kinds = in.choiceList("penaltyKinds", "CF_CFLB", 500, true, Vocabulary.PENALTY_KINDS, "处罚类别");
        String content = in.text("content", "CF_NR", 4000, true);
        BigDecimal fine = in.amount("fineAmount", "CF_NR_FK", false);
        BigDecimal confiscated = in.amount("confiscatedAmount", "CF_NR_WFFF", false);
        String suspended = in.text("suspendedLicense", "CF_NR_ZKDX", 200, false);
        LocalDate decided = in.date("decisionDate", "CF_JDRQ", true);
        LocalDate effectiveUntil = in.date("effectiveUntil", "CF_YXQ", true);
        LocalDate publishUntil = in.date("publishUntil", "CF_GSJZQ", false);
        String authority = in.text("authorityName", "CF_CFJG", 200, true);
        String authorityUscc = in.uscc("authorityUscc", "CF_CFJGDM", true);
        String source = in.text("sourceUnit", "CF_SJLY", 200, true);
        String sourceUscc = in.uscc("sourceUnitUscc", "CF_SJLYDM", true);
        String remark = in.text("remark", "BZ", 512, false);
        Penalty.Procedure procedure = in.choice("procedure", null, false, Vocabulary.PROCEDURE);
        Penalty.Severity severity = in.choice("severity", null, false, Vocabulary.SEVERITY);
        Boolean publish = in.choice("publish", null, false, Vocabulary.YES_NO);
        String publishReason = in.text("publishReason", null, 512, false);

        if (kinds != null) {
            conditional(in, kinds, fine, confiscated, suspended);
        }
        in.notAfterReceipt(decided, "decisionDate", "CF_JDRQ");
        in.order(decided, "decisionDate", "CF_JDRQ", effectiveUntil, "effectiveUntil", "CF_YXQ");
        in.order(decided, "decisionDate", "CF_JDRQ", publishUntil, "publishUntil", "CF_GSJZQ");
        PublicationRules.lateReport(in, decided, "decisionDate", "CF_JDRQ");
        return new Penalty(meta, subject, docNo, violation, facts, basis, kinds, content, fine, confiscated, suspended,
                decided, effectiveUntil, publishUntil, authority, authorityUscc, source, sourceUscc, remark, procedure,
                severity, publish, publishReason);
    }

    private static void conditional(RecordInput in, List<String> kinds, BigDecimal fine, BigDecimal confiscated,
            String suspended) {
        String kindsField = in.name("penaltyKinds", "CF_CFLB");
        if (kinds.contains(Vocabulary.FINE)) {
            String f = in.name("fineAmount", "CF_NR_FK");
            if (fine == null && !in.issues.failed(f)) {
                in.issues.error("E_COND_REQUIRED", f, f + " is required because " + kindsField + " includes 罚款");
            } else if (fine != null && fine.signum() == 0) {
                in.issues.error("E_AMOUNT", f, f + " is 0 but " + kindsField + " includes 罚款");
            }
        }
        if (kinds.contains(Vocabulary.CONFISCATE_GAINS) || kinds.contains(Vocabulary.CONFISCATE_PROPERTY)) {
            String f = in.name("confiscatedAmount", "CF_NR_WFFF");
            if (confiscated == null && !in.issues.failed(f)) {
                in.issues.error("E_COND_REQUIRED", f, f + " is required because " + kindsField
                        + " includes 没收违法所得 or 没收非法财物");
            }
        }
        if (kinds.stream().anyMatch(Vocabulary.LICENCE_KINDS::contains) && suspended == null) {
            String f = in.name("suspendedLicense", "CF_NR_ZKDX");
            if (!in.issues.failed(f)) {
                in.issues.error("E_COND_REQUIRED", f, f + " (licence name and number) is required because "
                        + kindsField + " suspends or revokes a licence");
            }
        }
    }
}
