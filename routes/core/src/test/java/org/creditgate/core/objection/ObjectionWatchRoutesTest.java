package org.creditgate.core.objection;

import org.creditgate.core.alert.Alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

/**
 * The overdue verification on the real 2025 calendar, run by route core.objection-watch on the schedule leader only:
 * an objection forwarded Fri 2025-01-24, just before 春节, is due by the end of Thu 2025-02-27 (Beijing), so the
 * clock at 23:59:59 that day raises nothing and at midnight one alert; the objection stays pending (suspended).
 */
class ObjectionWatchRoutesTest extends CamelTestSupport {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();
    private static final Instant LAST_SECOND = Instant.parse("2025-02-27T15:59:59Z");
    private static final Instant MIDNIGHT = Instant.parse("2025-02-27T16:00:00Z");

    private final AtomicBoolean leader = new AtomicBoolean(false);
    private DataSource dataSource;
    private Ledger ledger;
    private ObjectionWatch watch;
    private final List<Alert> raised = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        dataSource = LedgerDataSources.create(new LedgerSettings("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
        ledger = Ledgers.open(dataSource);
        Instant opened = Instant.parse("2025-01-24T09:00:00Z");
        ledger.accept(List.of(new RecordVersion("r1", 1, "ADD", "PENALTY", "scjgj", "k1", "S:x", "h1", "{}", "[]",
                opened, RecordState.QUEUED)));
        ledger.openObjection(ObjectionEntry.opened("YY-CNY", "o1", 1, "r1", "PENALTY", 1, "scjgj", "operator:xyb",
                LocalDate.of(2025, 1, 23), LocalDate.of(2025, 1, 24), org.creditgate.model.validation.ObjectionLifecycle.dueOn(CALENDAR,
                        LocalDate.of(2025, 1, 24)), opened));
        watch = new ObjectionWatch(ledger, workflow(), BEIJING, Clock.fixed(MIDNIGHT, ZoneOffset.UTC))
                .alertsTo(raised::add);
        return new ObjectionRoutes(watch, 1000, leader::get);
    }

    private ObjectionWorkflow workflow() {
        return new ObjectionWorkflow(ledger, (e, o) -> { }, new ShieldIssuer(r -> {
            throw new AssertionError("no shield expected");
        }, Clock.systemUTC(), BEIJING), CALENDAR, BEIJING);
    }

    @Test
    void theDueDateIsTheEndOfThe20thWorkingDayAfterForwardingAcrossTheSpringFestival() {
        assertThat(ledger.objection("YY-CNY")).get().extracting(ObjectionEntry::dueOn)
                .isEqualTo(LocalDate.of(2025, 2, 27));
        ObjectionWatch before = new ObjectionWatch(ledger, workflow(), BEIJING, Clock.fixed(LAST_SECOND,
                ZoneOffset.UTC));
        assertThat(before.check()).isEmpty();
        assertThat(ledger.objection("YY-CNY")).get().extracting(ObjectionEntry::overdueAlertedAt).isNull();
    }

    @Test
    void onlyTheLeaderAlertsAndOnlyOnceAndTheObjectionStaysSuspended() {
        NotifyBuilder ticks = new NotifyBuilder(context).fromRoute(ObjectionRoutes.ROUTE_ID).whenDone(2).create();
        assertThat(ticks.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ledger.objection("YY-CNY")).get().extracting(ObjectionEntry::overdueAlertedAt)
                .as("not the leader: no alert").isNull();

        leader.set(true);
        NotifyBuilder asLeader = new NotifyBuilder(context).fromRoute(ObjectionRoutes.ROUTE_ID).whenDone(2).create();
        assertThat(asLeader.matches(10, TimeUnit.SECONDS)).isTrue();

        ObjectionEntry o = ledger.objection("YY-CNY").orElseThrow();
        assertThat(o.overdueAlertedAt()).isEqualTo(MIDNIGHT);
        assertThat(o.pending()).as("stays suspended until the provider answers").isTrue();
        assertThat(raised).as("one alert event").singleElement().satisfies(a -> {
            assertThat(a.alertId()).isEqualTo("objection-overdue:YY-CNY");
            assertThat(a.alertClass()).isEqualTo(Alert.AlertClass.OBJECTION_OVERDUE);
            assertThat(a.subjectIds()).containsExactly("YY-CNY", "r1");
            assertThat(a.logLine()).startsWith("ALERT objection overdue: objection YY-CNY on record r1");
        });
        assertThat(watch.overdue()).singleElement().satisfies(m -> {
            assertThat(m.get("objectionId")).isEqualTo("YY-CNY");
            assertThat(m.get("overdue")).isEqualTo(true);
            assertThat(m.get("jointPunishmentSuspended")).isEqualTo(true);
            assertThat(m.get("dueOn")).isEqualTo("2025-02-27");
        });
        LedgerDataSources.close(dataSource);
    }
}
