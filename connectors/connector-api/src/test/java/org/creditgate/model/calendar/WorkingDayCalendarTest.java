package org.creditgate.model.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days per the State Council notices: holidays off, 调休 weekends on (domain.md §5.1). */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar cal = WorkingDayCalendar.fromClasspath();

    @ParameterizedTest(name = "{0} + {1} wd = {2}")
    @CsvSource({
        "2026-11-11, 7, 2026-11-20",   // ordinary weeks
        "2026-02-12, 7, 2026-02-28",   // 春节 2026: Sat 02-14 and Sat 02-28 are make-up workdays, 02-15..23 off
        "2024-09-27, 3, 2024-10-08",   // Sun 09-29 worked, 国庆 10-01..07 off
        "2025-01-24, 2, 2025-01-27",   // Sun 01-26 worked
        "2026-11-20, 0, 2026-11-20"
    })
    void plusWorkingDaysSkipsHolidaysAndCountsMakeUpDays(LocalDate from, int n, LocalDate expected) {
        assertThat(cal.plusWorkingDays(from, n)).isEqualTo(expected);
    }

    @Test
    void holidaysAndMakeUpDays() {
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();   // Thursday, 国庆
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();   // Saturday, 调休
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();  // ordinary Saturday
        assertThat(cal.isWorkingDay(LocalDate.of(2025, 5, 5))).isFalse();    // Monday, 劳动节
    }

    @Test
    void yearsWithoutAFileFallBackToMondayToFridayVisibly() {
        assertThat(cal.years()).containsExactly(2024, 2025, 2026);
        LocalDate d = LocalDate.of(2030, 10, 1);
        assertThat(cal.covers(d)).isFalse();
        assertThat(cal.isWorkingDay(d)).isTrue();
    }

    @Test
    void loadsAFolderAndRejectsAMakeUpDayThatIsNoWeekend(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cn-workdays-2027.properties"),
                "year = 2027\nholidays = 2027-01-01..2027-01-03\n");
        WorkingDayCalendar c = WorkingDayCalendar.load(dir);
        assertThat(c.years()).containsExactly(2027);
        assertThat(c.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();

        Files.writeString(dir.resolve("cn-workdays-2028.properties"), "year = 2028\nworkdays = 2028-01-05\n");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).hasMessageContaining("2028-01-05 is a WEDNESDAY");
    }

    /** Each year's 调休 weekend workdays and its weekday holidays, as the State Council notices list them. */
    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
        "2024-02-04, true", "2024-02-18, true", "2024-04-07, true", "2024-04-28, true", "2024-05-11, true",
        "2024-09-14, true", "2024-09-29, true", "2024-10-12, true",
        "2024-01-01, false", "2024-02-16, false", "2024-04-05, false", "2024-05-03, false", "2024-06-10, false",
        "2024-09-16, false", "2024-10-07, false", "2024-02-09, true",
        "2025-01-26, true", "2025-02-08, true", "2025-04-27, true", "2025-09-28, true", "2025-10-11, true",
        "2025-01-01, false", "2025-01-28, false", "2025-02-04, false", "2025-04-04, false", "2025-05-05, false",
        "2025-06-02, false", "2025-10-08, false",
        "2026-01-04, true", "2026-02-14, true", "2026-02-28, true", "2026-05-09, true", "2026-09-20, true",
        "2026-10-10, true",
        "2026-01-02, false", "2026-02-16, false", "2026-02-23, false", "2026-04-06, false", "2026-05-05, false",
        "2026-06-19, false", "2026-09-25, false", "2026-10-07, false"
    })
    void shippedCalendarsFollowTheNotices(LocalDate day, boolean working) {
        assertThat(cal.isWorkingDay(day)).isEqualTo(working);
        assertThat(cal.covers(day)).isTrue();
    }

    @Test
    void aFolderWithoutCalendarsIsAConfigurationError(@TempDir Path dir) {
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cn-workdays-YYYY.properties");
    }

    @Test
    void contradictoryOrRepeatedYearsAreRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cn-workdays-2027.properties"),
                "year = 2027\nholidays = 2027-02-06..2027-02-13\nworkdays = 2027-02-06\n");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).hasMessageContaining("both a holiday and a make-up");

        Files.writeString(dir.resolve("cn-workdays-2027.properties"), "year = 2027\n");
        Files.writeString(dir.resolve("cn-workdays-2027-copy.properties"), "year = 2027\n");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).hasMessageContaining("already loaded");
    }

    @Test
    void shippedConfigFolderIsTheSameData() {
        WorkingDayCalendar shipped = WorkingDayCalendar.load(Path.of("../../config/calendar"));
        assertThat(shipped.years()).isEqualTo(cal.years());
        assertThat(shipped.plusWorkingDays(LocalDate.of(2026, 2, 12), 7)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
