package org.creditgate.model.validation;

import java.time.LocalDate;
import java.util.Optional;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.License;
import org.creditgate.model.Penalty;
import org.creditgate.model.calendar.WorkingDayCalendar;

/**
 * The 双公示 publication deadline of a record (domain.md §1, §5.2): 7 working days after the decision, and the
 * day from which it is at risk — 2 working days before the deadline — if the platforms have not yet accepted it.
 *
 * @param decided  decision date (XK_JDRQ / CF_JDRQ)
 * @param riskFrom first day the record counts as at risk while unpublished
 * @param deadline last day it may be published on time
 */
public record PublicationDeadline(LocalDate decided, LocalDate riskFrom, LocalDate deadline) {

    /** Working days before the deadline from which an unpublished record is flagged. */
    public static final int RISK_WORKING_DAYS = 2;

    public enum Status {
        /** Published everywhere it must be, or not yet near the deadline. */
        ON_TIME,
        /** Not yet accepted everywhere, and the deadline is 2 working days or less away. */
        AT_RISK,
        /** Not accepted everywhere and the deadline has passed. */
        OVERDUE
    }

    /** The deadline of a 双公示 record; empty for the other datasets. */
    public static Optional<PublicationDeadline> of(CreditRecord record, WorkingDayCalendar calendar) {
        LocalDate decided = record instanceof Penalty p ? p.decisionDate()
                : record instanceof License l ? l.decisionDate() : null;
        if (decided == null) {
            return Optional.empty();
        }
        return Optional.of(new PublicationDeadline(decided,
                calendar.plusWorkingDays(decided, PublicationRules.PUBLICATION_WORKING_DAYS - RISK_WORKING_DAYS),
                calendar.plusWorkingDays(decided, PublicationRules.PUBLICATION_WORKING_DAYS)));
    }

    public Status status(LocalDate today, boolean publishedEverywhere) {
        if (publishedEverywhere) {
            return Status.ON_TIME;
        }
        if (today.isAfter(deadline)) {
            return Status.OVERDUE;
        }
        return today.isBefore(riskFrom) ? Status.ON_TIME : Status.AT_RISK;
    }
}
