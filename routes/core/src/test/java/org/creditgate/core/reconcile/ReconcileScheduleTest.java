package org.creditgate.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class ReconcileScheduleTest {

    private static final ZoneId CN = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime at(int day, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, CN);
    }

    @Test
    void dueOnceADayAtOrAfterTheTime() {
        ReconcileSchedule s = ReconcileSchedule.parse("06:00");

        assertThat(s.due(at(30, 5, 59), null)).isFalse();
        assertThat(s.due(at(30, 6, 0), null)).isTrue();
        assertThat(s.due(at(30, 6, 1), LocalDate.of(2026, 11, 30))).as("already ran today").isFalse();
        assertThat(s.due(at(30, 14, 0), LocalDate.of(2026, 11, 29))).as("catch-up after a restart").isTrue();
    }

    @Test
    void offAndBadValues() {
        assertThat(ReconcileSchedule.parse("off").enabled()).isFalse();
        assertThat(ReconcileSchedule.parse("").due(at(30, 12, 0), null)).isFalse();
        assertThatThrownBy(() -> ReconcileSchedule.parse("6 am")).hasMessageContaining("reconcile.at");
    }
}
