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
        Files.writeString(dir.resolve("cn-workdays-2027.properties"), "year = 2027\nholidays = 2027-01-01..2027-01-03\n");
        WorkingDayCalendar c = WorkingDayCalendar.load(dir);
        assertThat(c.years()).containsExactly(2027);
        assertThat(c.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();

        Files.writeString(dir.resolve("cn-workdays-2028.properties"), "year = 2028\nworkdays = 2028-01-05\n");
        assertThatThrownBy(() -> WorkingDayCalendar.load(dir)).hasMessageContaining("2028-01-05 is a WEDNESDAY");
    }

    @Test
    void shippedConfigFolderIsTheSameData() {
        WorkingDayCalendar shipped = WorkingDayCalendar.load(Path.of("../../config/calendar"));
        assertThat(shipped.years()).isEqualTo(cal.years());
        assertThat(shipped.plusWorkingDays(LocalDate.of(2026, 2, 12), 7)).isEqualTo(LocalDate.of(2026, 2, 28));
    }
}
