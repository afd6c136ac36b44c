package org.creditgate.model.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.creditgate.model.Commitment;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 信用承诺 (domain.md §3.6). */
final class CommitmentRules {

    private CommitmentRules() {
    }

    static Commitment read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, null);
        String code = in.code("code", null, 20, true);
        if (code != null) {
            commitmentCode(in, code);
        }
        Commitment.Type type = in.choice("type", null, true, Vocabulary.COMMITMENT_TYPE);
        String cause = in.text("cause", null, 512, true);
        String content = in.text("content", null, 4000, true);
        String liability = in.text("liability", null, 2000, true);
        LocalDate madeOn = in.date("madeOn", null, true);
        LocalDate validUntil = in.date("validUntil", null, false);
        Commitment.Fulfilment fulfilment = in.choice("fulfilment", null, true, Vocabulary.FULFILMENT);
        boolean breached = fulfilment != null && fulfilment != Commitment.Fulfilment.FULL;
        String unfulfilled = in.text("unfulfilled", null, 4000, false);
        String pursued = in.text("liabilityPursued", null, 4000, false);
        if (breached) {
            requireBecauseBreached(in, unfulfilled, "unfulfilled");
            requireBecauseBreached(in, pursued, "liabilityPursued");
        }
        LocalDate determinedOn = in.date("determinedOn", null, false);
        String determiningUnit = in.text("determiningUnit", null, 200, false);
        String determiningUnitUscc = in.present("determiningUnitUscc", null)
                ? in.uscc("determiningUnitUscc", null, false) : null;
        String acceptingUnit = in.text("acceptingUnit", null, 200, true);
        String acceptingUnitUscc = in.uscc("acceptingUnitUscc", null, true);
        Commitment.Disclosure disclosure = in.choice("disclosure", null, true, Vocabulary.DISCLOSURE);
        String remark = in.text("remark", null, 512, false);
        in.notAfterReceipt(madeOn, "madeOn", null);
        in.order(madeOn, "madeOn", null, validUntil, "validUntil", null);
        return new Commitment(meta, subject, code, type, cause, content, liability, madeOn, validUntil, fulfilment,
                unfulfilled, pursued, determinedOn, determiningUnit, determiningUnitUscc, acceptingUnit,
                acceptingUnitUscc, disclosure, remark);
    }

    /** 承诺编码: 20 digits = 6-digit region + YYYYMMDD (a real date) + 6-digit serial. */
    private static void commitmentCode(RecordInput in, String code) {
        if (!code.matches("\\d{20}")) {
            in.issues.error("E_FORMAT", "code", "code \"" + code + "\" must be 20 digits: region (6) + date YYYYMMDD "
                    + "(8) + serial (6)");
            return;
        }
        try {
            LocalDate.of(Integer.parseInt(code.substring(6, 10)), Integer.parseInt(code.substring(10, 12)),
                    Integer.parseInt(code.substring(12, 14)));
        } catch (DateTimeException e) {
            in.issues.error("E_FORMAT", "code", "code \"" + code + "\": characters 7–14 (" + code.substring(6, 14)
                    + ") are not a calendar date");
        }
    }

    private static void requireBecauseBreached(RecordInput in, String value, String field) {
        if (value == null && !in.issues.failed(field)) {
            in.issues.error("E_COND_REQUIRED", field, field + " is required unless the commitment is 全部履行");
        }
    }
}
