package org.creditgate.core.delivery;

import org.creditgate.core.alert.Alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.ShieldDispatch;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shield SLA on the working-day calendar with the real 2025 holidays: a shield queued on Friday 2025-01-24, just
 * before 春节 (days off 01-28..02-04, Sunday 01-26 a make-up working day), must be dispatched by the end of Sunday
 * 01-26 (1 wd) and acknowledged by the end of Wednesday 02-05 (3 wd: 01-26, 01-27, 02-05). Then one alert, and a
 * resend per resend period until the platform acknowledges.
 */
class ShieldWatchTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();
    private static final Instant QUEUED = Instant.parse("2025-01-24T09:00:00Z"); // Friday 17:00 Beijing

    private DataSource dataSource;
    private Ledger ledger;
    private final List<String> resent = new ArrayList<>();
    private final List<Alert> raised = new ArrayList<>();

    @BeforeEach
    void open() {
        dataSource = LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        ledger = Ledgers.open(dataSource);
        ledger.accept(List.of(new RecordVersion("r1", 1, "ADD", "PENALTY", "scjgj", "k1", "S:x", "h1", "{}", "[]",
                QUEUED, RecordState.QUEUED), new RecordVersion("s1", 1, "ADD", "SHIELD", "scjgj", "S-1", "R:r1", "h2",
                        "{\"shield\":1}", "[]", QUEUED, RecordState.QUEUED)));
        ledger.applyShield(new ShieldEntry("S-1", "s1", "r1", "PENALTY", "REPAIR", null, null, "scjgj", QUEUED));
        ledger.queueShieldDispatches("S-1", Map.of("province", 1, "national", 1), QUEUED);
    }

    @AfterEach
    void close() {
        LedgerDataSources.close(dataSource);
    }

    private ShieldWatch watchAt(Instant now) {
        return new ShieldWatch(ledger, (upstream, shield, target, attempt) -> resent.add(upstream + " " + shield
                .recordId() + " " + target + " #" + attempt), CALENDAR, BEIJING, Clock.fixed(now, ZoneOffset.UTC),
                ShieldSla.parse("1wd"), ShieldSla.parse("3wd"), ShieldSla.duration("1d")).alertsTo(raised::add);
    }

    @Test
    void deadlinesCountWorkingDaysAcrossTheSpringFestival() {
        assertThat(ShieldSla.parse("1wd").due(QUEUED, CALENDAR, BEIJING))
                .isEqualTo(Instant.parse("2025-01-26T16:00:00Z")); // end of Sunday 01-26 (调休), Beijing
        assertThat(ShieldSla.parse("3wd").due(QUEUED, CALENDAR, BEIJING))
                .isEqualTo(Instant.parse("2025-02-05T16:00:00Z")); // end of Wednesday 02-05, Beijing
        assertThat(ShieldSla.parse("30s").due(QUEUED, CALENDAR, BEIJING)).isEqualTo(QUEUED.plusSeconds(30));
        assertThat(ShieldSla.duration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> ShieldSla.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alertOnceWhenOverdueAndResendDailyUntilAcknowledged() {
        ledger.shieldDispatching("s1", "national", QUEUED.plusSeconds(60));
        ledger.shieldDispatching("s1", "province", QUEUED.plusSeconds(60));

        assertThat(watchAt(Instant.parse("2025-02-05T15:59:59Z")).check()).as("still within 3 wd").isEmpty();

        Instant late = Instant.parse("2025-02-05T16:00:01Z");
        assertThat(watchAt(late).check()).extracting(m -> m.get("upstream")).containsExactly("national",
                "province");
        assertThat(resent).containsExactlyInAnyOrder("national s1 r1:1 #1", "province s1 r1:1 #1");
        assertThat(ledger.shieldDispatches("S-1")).allSatisfy(d -> {
            assertThat(d.alertedAt()).isEqualTo(late);
            assertThat(d.resends()).isEqualTo(1);
        });

        // the national platform acknowledges; an hour later nothing is resent, a day later only the province
        ledger.updateDeliveries("national", List.of(new org.creditgate.ledger.VersionRef("s1", 1)),
                org.creditgate.ledger.DeliveryState.ACCEPTED, null, "N-1", null, late.plusSeconds(10));
        resent.clear();
        watchAt(late.plus(Duration.ofHours(1))).check();
        assertThat(resent).isEmpty();
        watchAt(late.plus(Duration.ofDays(1))).check();
        assertThat(resent).containsExactly("province s1 r1:1 #2");
        assertThat(ledger.shieldDispatches("S-1")).extracting(ShieldDispatch::upstream, ShieldDispatch::alertedAt)
                .as("the alert is raised once").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("national", late),
                        org.assertj.core.groups.Tuple.tuple("province", late));
        assertThat(raised).as("one alert event per platform").extracting(Alert::alertId, Alert::alertClass,
                Alert::component, Alert::subjectIds).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("shield-overdue:S-1:national",
                                Alert.AlertClass.SHIELD_OVERDUE, "upstream:national", List.of("S-1")),
                        org.assertj.core.groups.Tuple.tuple("shield-overdue:S-1:province",
                                Alert.AlertClass.SHIELD_OVERDUE, "upstream:province", List.of("S-1")));
        assertThat(raised.get(0).logLine()).startsWith("ALERT shield SLA: shield S-1 to national: not acknowledged "
                + "within 3wd");
    }

    @Test
    void aShieldNeverDispatchedIsOverdueAfterOneWorkingDay() {
        List<Map<String, Object>> overdue = watchAt(Instant.parse("2025-01-27T00:00:00Z")).overdue();

        assertThat(overdue).extracting(m -> m.get("overdue")).containsOnly("not dispatched within 1wd");
        assertThat(resent).as("resends only after the ack SLA").isEmpty();
    }
}
