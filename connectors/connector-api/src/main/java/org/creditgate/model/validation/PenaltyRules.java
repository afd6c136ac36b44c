package org.creditgate.model.validation;

import static org.creditgate.model.validation.PenaltyFields.AUTHORITY;
import static org.creditgate.model.validation.PenaltyFields.AUTHORITY_USCC;
import static org.creditgate.model.validation.PenaltyFields.CONFISCATED;
import static org.creditgate.model.validation.PenaltyFields.CONTENT;
import static org.creditgate.model.validation.PenaltyFields.DECISION_DATE;
import static org.creditgate.model.validation.PenaltyFields.DOC_NO;
import static org.creditgate.model.validation.PenaltyFields.EFFECTIVE_UNTIL;
import static org.creditgate.model.validation.PenaltyFields.FACTS;
import static org.creditgate.model.validation.PenaltyFields.FINE;
import static org.creditgate.model.validation.PenaltyFields.KINDS;
import static org.creditgate.model.validation.PenaltyFields.LEGAL_BASIS;
import static org.creditgate.model.validation.PenaltyFields.PROCEDURE;
import static org.creditgate.model.validation.PenaltyFields.PUBLISH;
import static org.creditgate.model.validation.PenaltyFields.PUBLISH_REASON;
import static org.creditgate.model.validation.PenaltyFields.PUBLISH_UNTIL;
import static org.creditgate.model.validation.PenaltyFields.REMARK;
import static org.creditgate.model.validation.PenaltyFields.SEVERITY;
import static org.creditgate.model.validation.PenaltyFields.SOURCE;
import static org.creditgate.model.validation.PenaltyFields.SOURCE_USCC;
import static org.creditgate.model.validation.PenaltyFields.SUSPENDED;
import static org.creditgate.model.validation.PenaltyFields.VIOLATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.creditgate.model.Penalty;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 行政处罚 rules (domain.md §3.3) beyond its field table {@link PenaltyFields}: the items each 处罚类别 requires. */
final class PenaltyRules {

    private PenaltyRules() {
    }

    static Penalty read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.PENALTY);
        String docNo = in.text(DOC_NO);
        String violation = in.text(VIOLATION);
        String facts = in.text(FACTS);
        String basis = in.text(LEGAL_BASIS);
        List<String> kinds = in.choiceList(KINDS, Vocabulary.PENALTY_KINDS, "处罚类别");
        String content = in.text(CONTENT);
        BigDecimal fine = in.amount(FINE);
        BigDecimal confiscated = in.amount(CONFISCATED);
        String suspended = in.text(SUSPENDED);
        LocalDate decided = in.date(DECISION_DATE);
        LocalDate effectiveUntil = in.date(EFFECTIVE_UNTIL);
        LocalDate publishUntil = in.date(PUBLISH_UNTIL);
        String authority = in.text(AUTHORITY);
        String authorityUscc = in.uscc(AUTHORITY_USCC);
        String source = in.text(SOURCE);
        String sourceUscc = in.uscc(SOURCE_USCC);
        String remark = in.text(REMARK);
        Penalty.Procedure procedure = in.choice(PROCEDURE, Vocabulary.PROCEDURE);
        Penalty.Severity severity = in.choice(SEVERITY, Vocabulary.SEVERITY);
        Boolean publish = in.choice(PUBLISH, Vocabulary.YES_NO);
        String publishReason = in.text(PUBLISH_REASON);
        LinkFields.Link link = LinkFields.read(in, subject);

        if (kinds != null) {
            itemsRequiredByKinds(in, kinds, fine, confiscated, suspended);
        }
        if (Boolean.FALSE.equals(publish)) {
            // an exclusion from 双公示 must name its ground (国家秘密, 商业秘密, 个人隐私 …): it is audited
            in.requireBecause(PUBLISH_REASON, publishReason, "when " + in.name(PUBLISH) + " is N");
        }
        DateRules.notAfterReceipt(in, decided, DECISION_DATE);
        DateRules.order(in, decided, DECISION_DATE, effectiveUntil, EFFECTIVE_UNTIL);
        DateRules.order(in, decided, DECISION_DATE, publishUntil, PUBLISH_UNTIL);
        PublicationRules.lateReport(in, meta.op(), decided, DECISION_DATE);
        return new Penalty(meta, subject, docNo, violation, facts, basis, kinds, content, fine, confiscated, suspended,
                decided, effectiveUntil, publishUntil, authority, authorityUscc, source, sourceUscc, remark, procedure,
                severity, publish, publishReason, link.relation(), link.linkedRecordId());
    }

    private static void itemsRequiredByKinds(RecordInput in, List<String> kinds, BigDecimal fine,
            BigDecimal confiscated, String suspended) {
        String kindsField = in.name(KINDS);
        if (kinds.contains(Vocabulary.FINE)) {
            in.requireBecause(FINE, fine, "because " + kindsField + " includes 罚款");
            if (fine != null && fine.signum() == 0) {
                in.error("E_AMOUNT", FINE, in.name(FINE) + " is 0 but " + kindsField + " includes 罚款");
            }
        }
        if (kinds.contains(Vocabulary.CONFISCATE_GAINS) || kinds.contains(Vocabulary.CONFISCATE_PROPERTY)) {
            in.requireBecause(CONFISCATED, confiscated, "because " + kindsField + " includes 没收违法所得 or 没收非法财物");
        }
        if (kinds.stream().anyMatch(Vocabulary.LICENCE_KINDS::contains)) {
            in.requireBecause(SUSPENDED, suspended, "(licence name and number) because " + kindsField
                    + " suspends or revokes a licence");
        }
    }
}
