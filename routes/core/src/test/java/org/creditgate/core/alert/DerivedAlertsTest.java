package org.creditgate.core.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alert.Severity;
import org.creditgate.core.delivery.DeadlineWatch;
import org.creditgate.core.health.ComponentHealth;
import org.creditgate.core.health.ComponentHealth.State;
import org.creditgate.core.health.ProgressMonitor.Snapshot;
import org.creditgate.core.health.UpstreamSignals;
import org.creditgate.model.validation.PublicationDeadline.Status;
import org.junit.jupiter.api.Test;

/** Alerts derived from progress-health snapshots and the deadline report: transitions, not states. */
class DerivedAlertsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    private final List<Alert> raised = new ArrayList<>();

    private static Snapshot snapshot(Instant at, State court, long dlqDepth, long dlqGrowth) {
        return new Snapshot(at, List.of(new ComponentHealth("connector:court-zjfy", court, "reason " + court),
                ComponentHealth.up("connector:file-scjgj", "moving")),
                Map.of("province", new UpstreamSignals("province", null, 0, null, 0, null, dlqDepth, dlqGrowth, 0,
                        null)), Map.of(), Map.of(), Map.of());
    }

    @Test
    void aComponentGoingDownAndBackUpIsOneAlertEachAndAHealthyOneNone() {
        HealthAlerts health = new HealthAlerts(raised::add);

        health.accept(snapshot(T0, State.UP, 0, 0));
        health.accept(snapshot(T0.plusSeconds(5), State.DOWN, 0, 0));
        health.accept(snapshot(T0.plusSeconds(10), State.DOWN, 0, 0));
        health.accept(snapshot(T0.plusSeconds(15), State.UP, 0, 0));

        assertThat(raised).extracting(Alert::alertClass, Alert::severity, Alert::component, Alert::message)
                .containsExactly(
                        tuple(AlertClass.HEALTH, Severity.CRITICAL, "connector:court-zjfy",
                                "connector:court-zjfy is DOWN: reason DOWN"),
                        tuple(AlertClass.HEALTH, Severity.INFO, "connector:court-zjfy",
                                "connector:court-zjfy is UP again: reason UP"));
    }

    @Test
    void deadLettersAddedAreAlertedLettersAlreadyThereAtStartAreNot() {
        HealthAlerts health = new HealthAlerts(raised::add);

        health.accept(snapshot(T0, State.UP, 4, 0));
        health.accept(snapshot(T0.plusSeconds(5), State.UP, 4, 0));
        health.accept(snapshot(T0.plusSeconds(10), State.UP, 6, 2));
        health.accept(snapshot(T0.plusSeconds(15), State.UP, 6, 2));
        health.accept(snapshot(T0.plusSeconds(20), State.UP, 0, 0)); // replayed
        health.accept(snapshot(T0.plusSeconds(25), State.UP, 1, 1));

        assertThat(raised).extracting(Alert::alertClass, Alert::component, Alert::message).containsExactly(
                tuple(AlertClass.DLQ, "upstream:province", "dead letters on province: 2 added, 6 waiting "
                        + "(GET /api/v1/dlq/province)"),
                tuple(AlertClass.DLQ, "upstream:province", "dead letters on province: 1 added, 1 waiting "
                        + "(GET /api/v1/dlq/province)"));
    }

    @Test
    void deadlineRisksAreOneAlertPerDepartmentStatusAndDay() {
        LocalDate today = LocalDate.of(2026, 11, 30);
        DeadlineWatch.Report report = new DeadlineWatch.Report(today, Map.of(), List.of(
                item("r1", "scjgj", Status.AT_RISK), item("r2", "scjgj", Status.AT_RISK),
                item("r3", "scjgj", Status.OVERDUE), item("r4", "hbj", Status.AT_RISK)));
        DeadlineAlerts deadlines = new DeadlineAlerts(raised::add, Clock.fixed(T0, ZoneOffset.UTC));

        assertThat(deadlines.observe(report)).isSameAs(report);

        assertThat(raised).extracting(Alert::alertId, Alert::severity, Alert::subjectIds).containsExactly(
                tuple("deadline:hbj:AT_RISK:2026-11-30", Severity.WARNING, List.of("r4")),
                tuple("deadline:scjgj:AT_RISK:2026-11-30", Severity.WARNING, List.of("r1", "r2")),
                tuple("deadline:scjgj:OVERDUE:2026-11-30", Severity.CRITICAL, List.of("r3")));
    }

    private static DeadlineWatch.Item item(String id, String department, Status status) {
        return new DeadlineWatch.Item(id, 1, "PENALTY", department, LocalDate.of(2026, 11, 19),
                LocalDate.of(2026, 11, 30), status, Set.of("province"));
    }
}
