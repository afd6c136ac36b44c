package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.creditgate.model.CreditRecord;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.PublicationDeadline.Status;
import org.junit.jupiter.api.Test;

/** Deadlines on the real 2025 calendar: a decision just before the Spring Festival holiday. */
class PublicationDeadlineTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();

    private static CreditRecord decidedOn(LocalDate decided) {
        var outcome = new RecordValidator().validate(SampleRecords.decidedOn(
                SampleRecords.penalty("榕市监罚〔2025〕1号"), decided), new ValidationContext(decided, CALENDAR));
        assertThat(outcome.errors()).isEmpty();
        return outcome.record();
    }

    @Test
    void theSpringFestivalHolidayMovesTheDeadline() {
        // 2025-01-24 (Fri): the holiday runs 01-28..02-04, with make-up workdays 01-26 (Sun) and 02-08 (Sat)
        PublicationDeadline d = PublicationDeadline.of(decidedOn(LocalDate.of(2025, 1, 24)), CALENDAR).orElseThrow();

        // working days after Fri 01-24: 01-26 (make-up Sunday), 01-27, [holiday], 02-05, 02-06, 02-07,
        // 02-08 (make-up Saturday), 02-10 → the 7th; at risk from the 5th
        assertThat(d.deadline()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(d.riskFrom()).isEqualTo(LocalDate.of(2025, 2, 7));
    }

    @Test
    void statusFollowsPublicationAndTheCalendar() {
        PublicationDeadline d = PublicationDeadline.of(decidedOn(LocalDate.of(2025, 1, 24)), CALENDAR).orElseThrow();

        assertThat(d.status(LocalDate.of(2025, 2, 6), false)).isEqualTo(Status.ON_TIME);
        assertThat(d.status(LocalDate.of(2025, 2, 7), false)).isEqualTo(Status.AT_RISK);
        assertThat(d.status(LocalDate.of(2025, 2, 10), false)).isEqualTo(Status.AT_RISK);
        assertThat(d.status(LocalDate.of(2025, 2, 11), false)).isEqualTo(Status.OVERDUE);
        assertThat(d.status(LocalDate.of(2025, 3, 1), true)).isEqualTo(Status.ON_TIME);
        assertThat(PublicationDeadline.of(validatedList(), CALENDAR)).isEmpty();
    }

    private static CreditRecord validatedList() {
        return new RecordValidator().validate(SampleRecords.load("LIST"),
                new ValidationContext(LocalDate.of(2026, 11, 20), CALENDAR)).record();
    }
}
