package org.creditgate.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.creditgate.model.Objection;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The 20-working-day verification deadline on the real 2025 calendar (config/calendar/cn-workdays-2025.properties:
 * 国办发明电〔2024〕12号). Every expected date was counted by hand from that file, day by day, the forwarding day not
 * counted (domain.md §5.1); the counts are in the comments.
 */
class ObjectionTimelineTest {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "forwarded {0} → due {1}")
    @CsvSource({
        // 春节: Fri 01-24. 1 = Sun 01-26 (调休), 2 = Mon 01-27, holiday 01-28..02-04, 3-5 = 02-05..02-07,
        // 6 = Sat 02-08 (调休), 7-11 = 02-10..02-14, 12-16 = 02-17..02-21, 17-20 = 02-24..02-27
        "2025-01-24, 2025-02-27",
        // the Saturday after: not a working day itself, and 01-26 is still the first day counted
        "2025-01-25, 2025-02-27",
        // the Sunday 调休 day itself is not counted: 1 = Mon 01-27, 2-4 = 02-05..02-07, 5 = Sat 02-08, …, 20 = Fri 02-28
        "2025-01-26, 2025-02-28",
        // forwarded on 元旦 (a holiday): 1-2 = 01-02..01-03, 3-7 = 01-06..01-10, 8-12 = 01-13..01-17,
        // 13-17 = 01-20..01-24, 18 = Sun 01-26 (调休), 19 = Mon 01-27, 20 = Wed 02-05 (after 春节)
        "2025-01-01, 2025-02-05",
        // 清明 and 劳动节: Thu 04-03, holiday 04-04..04-06, 1-5 = 04-07..04-11, 6-10 = 04-14..04-18,
        // 11-15 = 04-21..04-25, 16 = Sun 04-27 (调休), 17-19 = 04-28..04-30, holiday 05-01..05-05, 20 = Tue 05-06
        "2025-04-03, 2025-05-06",
        // 端午: Fri 05-30, holiday 05-31..06-02, 1-4 = 06-03..06-06, 5-9 = 06-09..06-13, 10-14 = 06-16..06-20,
        // 15-19 = 06-23..06-27, 20 = Mon 06-30
        "2025-05-30, 2025-06-30",
        // 国庆/中秋: Fri 09-26. 1 = Sun 09-28 (调休), 2-3 = 09-29..09-30, holiday 10-01..10-08, 4-5 = 10-09..10-10,
        // 6 = Sat 10-11 (调休), 7-11 = 10-13..10-17, 12-16 = 10-20..10-24, 17-20 = 10-27..10-30
        "2025-09-26, 2025-10-30",
        // an ordinary stretch without holidays: 4 weeks exactly
        "2025-03-03, 2025-03-31"
    })
    void dueOnIsTheTwentiethWorkingDayAfterForwarding(LocalDate forwardedOn, LocalDate dueOn) {
        assertThat(ObjectionLifecycle.dueOn(CALENDAR, forwardedOn)).isEqualTo(dueOn);
    }

    @Test
    void theValidatorComputesTheSameDueDateAndNeverTakesTheSenders() {
        ValidationContext ctx = new ValidationContext(LocalDate.of(2025, 3, 1), CALENDAR);
        Objection o = (Objection) new RecordValidator().validate(Fixtures.objection().put("submittedOn", "2025-01-23")
                .put("forwardedOn", "2025-01-24").put("dueOn", "2025-02-21").put("resultOn", "2025-02-20"), ctx)
                .record();
        assertThat(o.dueOn()).isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void overdueOnlyOnceTheDueDayHasEndedInBusinessTime() {
        LocalDate due = LocalDate.of(2025, 2, 27);
        assertThat(ObjectionLifecycle.overdue(due, Instant.parse("2025-02-27T15:59:59Z"), BEIJING))
                .as("23:59:59 Beijing on the due day").isFalse();
        assertThat(ObjectionLifecycle.overdue(due, Instant.parse("2025-02-27T16:00:00Z"), BEIJING))
                .as("midnight Beijing after the due day").isTrue();
    }

    @Test
    void forwardedOnDefaultsToTheDayTheGatewayAccepted() {
        Objection without = (Objection) new RecordValidator().validate(Fixtures.objection().put("submittedOn", "2025-01-23")
                .without(List.of("forwardedOn", "result", "resultOn")),
                new ValidationContext(LocalDate.of(2025, 3, 1), CALENDAR)).record();
        assertThat(without.dueOn()).isNull();
        assertThat(ObjectionLifecycle.forwardedOn(without, LocalDate.of(2025, 1, 24)))
                .isEqualTo(LocalDate.of(2025, 1, 24));
    }
}
