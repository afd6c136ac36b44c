package org.creditgate.model.validation;

import java.time.LocalDate;

import org.creditgate.model.Op;

/** 双公示 timeliness: published within 7 working days of the decision (domain.md §1, §5.2). */
final class PublicationRules {

    static final int PUBLICATION_WORKING_DAYS = 7;

    private PublicationRules() {
    }

    /**
     * W_LATE_REPORT when the record arrives after the deadline. Only a first submission (ADD) can be late: an
     * UPDATE or DELETE corrects or revokes a decision that was published long ago, and measuring it against the
     * decision date would flag every correction. A decision in the future is E_DATE_FUTURE, not late.
     */
    static void lateReport(RecordInput in, Op op, LocalDate decisionDate, FieldSpec f) {
        if (op != Op.ADD || decisionDate == null || decisionDate.isAfter(in.ctx.receivedOn())) {
            return;
        }
        LocalDate deadline = in.ctx.calendar().plusWorkingDays(decisionDate, PUBLICATION_WORKING_DAYS);
        if (in.ctx.receivedOn().isAfter(deadline)) {
            String field = in.name(f);
            in.issues.warning("W_LATE_REPORT", field, "received " + in.ctx.receivedOn() + ", after the "
                    + PUBLICATION_WORKING_DAYS + "-working-day publication deadline " + deadline + " for " + field
                    + " " + decisionDate + (in.ctx.calendar().covers(deadline) && in.ctx.calendar().covers(decisionDate)
                            ? "" : " (no holiday calendar for that year: Monday–Friday assumed)"));
        }
    }
}
