package org.creditgate.model.validation;

import static org.creditgate.model.validation.CommitmentFields.ACCEPTING_UNIT;
import static org.creditgate.model.validation.CommitmentFields.ACCEPTING_UNIT_USCC;
import static org.creditgate.model.validation.CommitmentFields.CAUSE;
import static org.creditgate.model.validation.CommitmentFields.COMMITMENT_CODE;
import static org.creditgate.model.validation.CommitmentFields.CONTENT;
import static org.creditgate.model.validation.CommitmentFields.DETERMINED_ON;
import static org.creditgate.model.validation.CommitmentFields.DETERMINING_UNIT;
import static org.creditgate.model.validation.CommitmentFields.DETERMINING_UNIT_USCC;
import static org.creditgate.model.validation.CommitmentFields.DISCLOSURE;
import static org.creditgate.model.validation.CommitmentFields.FULFILMENT;
import static org.creditgate.model.validation.CommitmentFields.LIABILITY;
import static org.creditgate.model.validation.CommitmentFields.MADE_ON;
import static org.creditgate.model.validation.CommitmentFields.PURSUED;
import static org.creditgate.model.validation.CommitmentFields.REMARK;
import static org.creditgate.model.validation.CommitmentFields.TYPE;
import static org.creditgate.model.validation.CommitmentFields.UNFULFILLED;
import static org.creditgate.model.validation.CommitmentFields.VALID_UNTIL;

import java.time.LocalDate;

import org.creditgate.model.Commitment;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 信用承诺 rules (domain.md §3.6) beyond its field table {@link CommitmentFields}. */
final class CommitmentRules {

    private CommitmentRules() {
    }

    static Commitment read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.CANONICAL);
        String code = commitmentCode(in, COMMITMENT_CODE);
        Commitment.Type type = in.choice(TYPE, Vocabulary.COMMITMENT_TYPE);
        String cause = in.text(CAUSE);
        String content = in.text(CONTENT);
        String liability = in.text(LIABILITY);
        LocalDate madeOn = in.date(MADE_ON);
        LocalDate validUntil = in.date(VALID_UNTIL);
        Commitment.Fulfilment fulfilment = in.choice(FULFILMENT, Vocabulary.FULFILMENT);
        String unfulfilled = in.text(UNFULFILLED);
        String pursued = in.text(PURSUED);
        LocalDate determinedOn = in.date(DETERMINED_ON);
        String determiningUnit = in.text(DETERMINING_UNIT);
        String determiningUnitUscc = in.uscc(DETERMINING_UNIT_USCC);
        String acceptingUnit = in.text(ACCEPTING_UNIT);
        String acceptingUnitUscc = in.uscc(ACCEPTING_UNIT_USCC);
        Commitment.Disclosure disclosure = in.choice(DISCLOSURE, Vocabulary.DISCLOSURE);
        String remark = in.text(REMARK);

        if (fulfilment != null && fulfilment != Commitment.Fulfilment.FULL) {
            in.requireBecause(UNFULFILLED, unfulfilled, "unless the commitment is 全部履行");
            in.requireBecause(PURSUED, pursued, "unless the commitment is 全部履行");
        }
        DateRules.notAfterReceipt(in, madeOn, MADE_ON);
        DateRules.notAfterReceipt(in, determinedOn, DETERMINED_ON);
        DateRules.order(in, madeOn, MADE_ON, validUntil, VALID_UNTIL);
        DateRules.order(in, madeOn, MADE_ON, determinedOn, DETERMINED_ON);
        return new Commitment(meta, subject, code, type, cause, content, liability, madeOn, validUntil, fulfilment,
                unfulfilled, pursued, determinedOn, determiningUnit, determiningUnitUscc, acceptingUnit,
                acceptingUnitUscc, disclosure, remark);
    }

    /**
     * 承诺编码 (also quoted by a 信用修复 application): 20 digits = 6-digit region + YYYYMMDD (a real date) + 6-digit
     * serial; E_FORMAT otherwise.
     */
    static String commitmentCode(RecordInput in, FieldSpec f) {
        String code = in.value(f);
        if (code == null) {
            return null;
        }
        if (code.length() != 20 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            in.error("E_FORMAT", f, in.name(f) + " \"" + in.shown(f, code) + "\" must be 20 digits: region (6) + date "
                    + "YYYYMMDD (8) + serial (6)");
            return null;
        }
        if (DateRules.calendarDate(code, 6) == null) {
            in.error("E_FORMAT", f, in.name(f) + " \"" + code + "\": characters 7–14 (" + code.substring(6, 14)
                    + ") are not a calendar date");
            return null;
        }
        return code;
    }
}
