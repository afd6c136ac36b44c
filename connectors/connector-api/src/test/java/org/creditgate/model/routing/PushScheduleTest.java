package org.creditgate.model.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.creditgate.model.Dataset;
import org.creditgate.model.Op;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cron openings, working-day windows (real 2025/2026 holidays) and the real-time lane rule. */
class PushScheduleTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();

    @ParameterizedTest(name = "{0} at/before {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "0 1 * * *        | 2026-11-20T00:59 | 2026-11-19T01:00",
        "0 1 * * *        | 2026-11-20T01:00 | 2026-11-20T01:00",
        "0 1 * * *        | 2026-11-20T13:37 | 2026-11-20T01:00",
        "0 * * * *        | 2026-11-20T13:37 | 2026-11-20T13:00",
        "*/15 8-18 * * *  | 2026-11-20T07:10 | 2026-11-19T18:45",
        "30 18 * * MON-FRI| 2026-11-23T09:00 | 2026-11-20T18:30",
        "0 2 1 * *        | 2026-03-01T01:00 | 2026-02-01T02:00",
        "0 0 29 2 *       | 2026-11-20T00:00 | 2024-02-29T00:00",
        "0 9 1 * MON      | 2026-11-20T00:00 | 2026-11-16T09:00",
        "0 9 * * 7        | 2026-11-20T00:00 | 2026-11-15T09:00"})
    void lastOpening(String cron, String at, String expected) {
        assertThat(CronSchedule.parse(cron).lastAtOrBefore(LocalDateTime.parse(at), d -> true))
                .contains(LocalDateTime.parse(expected));
    }

    @ParameterizedTest(name = "{0} after {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "0 1 * * *        | 2026-11-20T00:59 | 2026-11-20T01:00",
        "0 1 * * *        | 2026-11-20T01:00 | 2026-11-21T01:00",
        "0 * * * *        | 2026-12-31T23:30 | 2027-01-01T00:00",
        "30 18 * * MON-FRI| 2026-11-20T18:30 | 2026-11-23T18:30"})
    void nextOpening(String cron, String at, String expected) {
        assertThat(CronSchedule.parse(cron).nextAfter(LocalDateTime.parse(at), d -> true))
                .contains(LocalDateTime.parse(expected));
    }

    @Test
    void aWorkingDayWindowSkipsTheSpringFestivalAndOpensOnTheMakeUpSaturday() {
        // 2025 春节: 28 Jan – 4 Feb off; Sunday 26 Jan and Saturday 8 Feb are make-up working days
        PushSchedule nightly = PushSchedule.windowed("0 1 * * *", Duration.ofHours(4), PushSchedule.Days.WORKING_DAYS,
                Set.of());

        assertThat(nightly.lastOpening(at("2025-02-03T12:00").toInstant(), BEIJING, CALENDAR)).contains(at("2025-01-27T01:00")
                .toInstant());
        assertThat(nightly.nextOpening(at("2025-01-27T12:00").toInstant(), BEIJING, CALENDAR)).contains(at("2025-02-05T01:00")
                .toInstant());
        assertThat(nightly.lastOpening(at("2025-02-08T02:00").toInstant(), BEIJING, CALENDAR)).as("调休 Saturday")
                .contains(at("2025-02-08T01:00").toInstant());
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 8))).isTrue();
    }

    @Test
    void openingsAreInBusinessTime() {
        PushSchedule nightly = PushSchedule.windowed("0 1 * * *", Duration.ofHours(4), PushSchedule.Days.EVERY_DAY,
                Set.of());

        // 01:00 in Beijing is 17:00 UTC the day before
        assertThat(nightly.lastOpening(java.time.Instant.parse("2026-11-19T18:00:00Z"), BEIJING, CALENDAR))
                .contains(java.time.Instant.parse("2026-11-19T17:00:00Z"));
    }

    @Test
    void realTimeMeansTheNamedOperationsAndDatasetsOfAWindowedSchedule() {
        PushSchedule s = PushSchedule.windowed("0 1 * * *", Duration.ofHours(4), PushSchedule.Days.EVERY_DAY,
                Set.of("update", "SHIELD"));

        assertThat(s.realtime(Dataset.PENALTY, Op.UPDATE)).isTrue();
        assertThat(s.realtime(Dataset.SHIELD, Op.ADD)).isTrue();
        assertThat(s.realtime(Dataset.PENALTY, Op.ADD)).isFalse();
        assertThat(PushSchedule.ALWAYS.realtime(Dataset.SHIELD, Op.ADD)).as("no window, no lane").isFalse();
        assertThat(PushSchedule.ALWAYS.lastOpening(java.time.Instant.now(), BEIJING, CALENDAR)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 1 * *     | must have 5 fields",
        "60 1 * * *  | minute 60 is outside 0–59",
        "0 1 * 13 *  | month 13 is outside 1–12",
        "0 5-1 * * * | hour range '5-1' runs backwards",
        "0 1 * * FUN | day-of-week 'FUN' is not a number or a name like MON"})
    void aBadExpressionSaysWhichFieldIsWrong(String cron, String message) {
        assertThatThrownBy(() -> CronSchedule.parse(cron)).hasMessageContaining(message);
    }

    @Test
    void aWindowMustHaveALengthAndRealTimeKnownNames() {
        assertThatThrownBy(() -> PushSchedule.windowed("0 1 * * *", Duration.ZERO, PushSchedule.Days.EVERY_DAY,
                Set.of())).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> PushSchedule.windowed("0 1 * * *", Duration.ofHours(1), PushSchedule.Days.EVERY_DAY,
                Set.of("SOON"))).hasMessageContaining("real-time 'SOON' is neither an operation");
    }

    private static ZonedDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(BEIJING);
    }
}
