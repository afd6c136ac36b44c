package org.creditgate.model.validation;

import java.time.LocalDate;

/** 双公示 timeliness: published within 7 working days of the decision (domain.md §1, §5.2). */
final class PublicationRules {

    static final int PUBLICATION_WORKING_DAYS = 7;

    private PublicationRules() {
    }

    static void lateReport(RecordInput in, LocalDate decisionDate, String id, String code) {
        if (decisionDate == null || decisionDate.isAfter(in.ctx.receivedOn())) {
            return;
        }
        LocalDate deadline = in.ctx.calendar().plusWorkingDays(decisionDate, PUBLICATION_WORKING_DAYS);
        if (in.ctx.receivedOn().isAfter(deadline)) {
            String f = in.name(id, code);
            in.issues.warning("W_LATE_REPORT", f, "received " + in.ctx.receivedOn() + ", after the 7-working-day "
                    + "publication deadline " + deadline + " for " + f + " " + decisionDate
                    + (in.ctx.calendar().covers(deadline) ? "" : " (no holiday calendar for that year: Mon–Fri assumed)"));
        }
    }
}
