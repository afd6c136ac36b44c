package org.creditgate.model.validation;

import static org.creditgate.model.validation.FeedbackFields.APPLIED_ON;
import static org.creditgate.model.validation.FeedbackFields.BUSINESS_ITEM;
import static org.creditgate.model.validation.FeedbackFields.LIST_KIND;
import static org.creditgate.model.validation.FeedbackFields.LIST_RECORD_ID;
import static org.creditgate.model.validation.FeedbackFields.MEASURE;
import static org.creditgate.model.validation.FeedbackFields.OUTCOME;
import static org.creditgate.model.validation.FeedbackFields.PERIOD;
import static org.creditgate.model.validation.FeedbackFields.ROLE;
import static org.creditgate.model.validation.FeedbackFields.UNIT;
import static org.creditgate.model.validation.FeedbackFields.UNIT_USCC;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.creditgate.model.JointFeedback;
import org.creditgate.model.ListEntry;
import org.creditgate.model.RecordMeta;
import org.creditgate.model.Subject;

/** 联合奖惩反馈 rules (domain.md §3.7) beyond its field table {@link FeedbackFields}. */
final class FeedbackRules {

    private FeedbackRules() {
    }

    static JointFeedback read(RecordInput in, RecordMeta meta) {
        Subject subject = SubjectRules.read(in, SubjectFields.CANONICAL);
        YearMonth period = period(in);
        String unit = in.text(UNIT);
        String unitUscc = in.uscc(UNIT_USCC);
        JointFeedback.Role role = in.choice(ROLE, Vocabulary.FEEDBACK_ROLE);
        ListEntry.Kind kind = in.choice(LIST_KIND, Vocabulary.LIST_KIND);
        String listRecordId = in.text(LIST_RECORD_ID);
        String measure = in.value(MEASURE);
        LocalDate appliedOn = in.date(APPLIED_ON);
        String item = in.text(BUSINESS_ITEM);
        String outcome = in.text(OUTCOME);

        DateRules.notAfterReceipt(in, appliedOn, APPLIED_ON);
        return new JointFeedback(meta, subject, period == null ? null : period.toString(), unit, unitUscc, role, kind,
                listRecordId, measure, appliedOn, item, outcome);
    }

    /** 反馈期: a month written YYYY-MM; E_FORMAT otherwise. */
    private static YearMonth period(RecordInput in) {
        String v = in.value(PERIOD);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 7) {
                return YearMonth.parse(v);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        in.error("E_FORMAT", PERIOD, in.name(PERIOD) + " \"" + in.shown(PERIOD, v) + "\" is not a month YYYY-MM");
        return null;
    }
}
