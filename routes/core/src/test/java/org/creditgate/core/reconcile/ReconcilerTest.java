package org.creditgate.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.reconcile.Discrepancy.Action;
import org.creditgate.core.reconcile.Discrepancy.Kind;
import org.creditgate.core.reconcile.ReconciliationReport.Status;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.VersionRef;
import org.creditgate.spi.delivery.DeliveryRef;
import org.creditgate.spi.delivery.UpstreamHoldings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reconciler over a real (H2) ledger, a scripted upstream and a recording resender. */
class ReconcilerTest {

    private static final Instant T0 = Instant.parse("2026-11-30T22:00:00Z");
    private final DataSource ds = LedgerDataSources.create(new LedgerSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final Ledger ledger = Ledgers.open(ds);
    private final Map<String, UpstreamHoldings.Holding> upstream = new HashMap<>();
    private final Map<String, UpstreamHoldings.RecordStatus> statuses = new HashMap<>();
    private final List<String> resent = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private boolean unreachable;

    private final UpstreamHoldings sink = new UpstreamHoldings() {
        @Override
        public List<Holding> holdings(String dataset) {
            if (unreachable) {
                throw new IllegalStateException("province did not answer (ConnectException)");
            }
            return List.copyOf(upstream.values());
        }

        @Override
        public RecordStatus status(DeliveryRef ref) {
            return statuses.getOrDefault(ref.recordId(), new RecordStatus(State.NOT_HELD, null, null));
        }
    };

    private final Resender resender = new Resender() {
        @Override
        public void resend(String u, RecordVersion v, int attempt) {
            resent.add(v.recordId() + ":" + v.version() + "#" + attempt);
        }

        @Override
        public void deadLetter(String u, RecordVersion v, String reason) {
            deadLettered.add(v.recordId() + ":" + v.version());
        }
    };

    private final List<Alert> raised = new java.util.ArrayList<>();
    private final Reconciler reconciler = new Reconciler(ledger,
            u -> "province".equals(u) ? Optional.of(sink) : Optional.empty(), () -> List.of("province"), resender,
            Clock.fixed(T0, ZoneOffset.UTC), 3).alertsTo(raised::add);

    @AfterEach
    void close() {
        LedgerDataSources.close(ds);
    }

    private void delivered(String id, DeliveryState state) {
        ledger.accept(List.of(new RecordVersion(id, 1, "ADD", "PENALTY", "scjgj", "k-" + id, "S:x", "h-" + id,
                "{\"id\":\"" + id + "\"}", "[]", T0, RecordState.VALIDATED)));
        ledger.queueDeliveries(List.of(Delivery.queued(id, 1, "province", T0)));
        ledger.updateDeliveries("province", List.of(new VersionRef(id, 1)), state, "B-1", null, null, T0);
    }

    private void holds(String id, int version) {
        upstream.put(id, new UpstreamHoldings.Holding(id, "PENALTY", version, false));
    }

    @Test
    void missingAreResentUnknownToUsAlertedUnknownReceiptsSettledOrResentAndTheReportKept() {
        delivered("ok", DeliveryState.ACCEPTED);
        holds("ok", 1);
        delivered("lost", DeliveryState.ACCEPTED);
        delivered("held-late", DeliveryState.UNKNOWN);
        statuses.put("held-late", new UpstreamHoldings.RecordStatus(UpstreamHoldings.State.HELD, 1, null));
        delivered("refused-late", DeliveryState.UNKNOWN);
        statuses.put("refused-late", new UpstreamHoldings.RecordStatus(UpstreamHoldings.State.REJECTED, null,
                "E_RULE CF_CFLB: 不予受理"));
        delivered("never-arrived", DeliveryState.UNKNOWN);
        holds("phantom", 3);

        ReconciliationReport r = reconciler.run("province", "operator karaf");

        assertThat(r.status()).isEqualTo(Status.COMPLETE);
        assertThat(r.discrepancies()).extracting(Discrepancy::recordId, Discrepancy::kind, Discrepancy::action,
                Discrepancy::tries).containsExactly(
                        tuple("held-late", Kind.UNKNOWN_RECEIPT, Action.SETTLED_ACCEPTED, 0),
                        tuple("lost", Kind.MISSING, Action.RESENT, 1),
                        tuple("never-arrived", Kind.UNKNOWN_RECEIPT, Action.RESENT, 1),
                        tuple("phantom", Kind.UNKNOWN_TO_US, Action.ALERTED, 0),
                        tuple("refused-late", Kind.UNKNOWN_RECEIPT, Action.SETTLED_REJECTED, 0));
        assertThat(resent).containsExactly("lost:1#1", "never-arrived:1#1");
        assertThat(r.alerts()).singleElement().asString().contains("phantom", "UNKNOWN_TO_US");
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.alertClass()).isEqualTo(Alert.AlertClass.RECONCILIATION);
            assertThat(a.component()).isEqualTo("upstream:province");
            assertThat(a.subjectIds()).containsExactly("phantom");
            assertThat(a.message()).isEqualTo("reconciliation: " + r.alerts().get(0));
        });
        assertThat(r.totals()).isEqualTo(new Counts(5, 2, 0, 0, 3, 2, 1, 0, 1, 2, 2, 0));
        assertThat(ledger.deliveries("lost")).singleElement().extracting(Delivery::state).isEqualTo(DeliveryState.QUEUED);
        assertThat(ledger.deliveries("held-late")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.ACCEPTED);
        assertThat(ledger.deliveries("refused-late")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.REJECTED);
        assertThat(ledger.rejections("scjgj", 0, 10)).as("问题数据 back to the department").singleElement()
                .satisfies(rej -> assertThat(rej.errors()).contains("不予受理"));
        assertThat(reconciler.latest("province")).contains(r);
        assertThat(reconciler.latest()).containsExactly(r);
        Alert first = raised.get(0);
        reconciler.run("province", "operator karaf");
        assertThat(raised).filteredOn(a -> a.subjectIds().contains("phantom")).extracting(Alert::alertId)
                .as("the same discrepancy the same day: the same alert").hasSize(2).containsOnly(first.alertId());
    }

    @Test
    void threeAutomaticResendsThenTheDeadLetterQueueOnceAndAnAlert() {
        delivered("lost", DeliveryState.ACCEPTED);
        for (int run = 1; run <= 3; run++) {
            assertThat(reconciler.run("province", Reconciler.SCHEDULED).discrepancies()).singleElement()
                    .extracting(Discrepancy::action).isEqualTo(Action.RESENT);
            // the sink delivers the resend, the upstream acknowledges — and loses it again
            ledger.updateDeliveries("province", List.of(new VersionRef("lost", 1)), DeliveryState.ACCEPTED, null,
                    "R-" + run, null, T0.minusSeconds(10));
        }
        ReconciliationReport fourth = reconciler.run("province", Reconciler.SCHEDULED);
        ReconciliationReport fifth = reconciler.run("province", Reconciler.SCHEDULED);

        assertThat(resent).containsExactly("lost:1#1", "lost:1#2", "lost:1#3");
        assertThat(fourth.discrepancies()).singleElement().extracting(Discrepancy::action, Discrepancy::tries)
                .containsExactly(Action.DEAD_LETTERED, 3);
        assertThat(fourth.alerts()).singleElement().asString().contains("dead-lettered", "RECONCILIATION");
        assertThat(fifth.discrepancies()).singleElement().extracting(Discrepancy::action)
                .isEqualTo(Action.AWAITING_OPERATOR);
        assertThat(deadLettered).containsExactly("lost:1");
    }

    @Test
    void anUnreachableUpstreamOrNoSinkFailsTheRunAndChangesNothing() {
        delivered("lost", DeliveryState.ACCEPTED);
        unreachable = true;

        ReconciliationReport r = reconciler.run("province", "operator karaf");
        ReconciliationReport none = reconciler.run("gsxt", "operator karaf");

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.error()).contains("did not answer");
        assertThat(none.error()).contains("no running sink connector for gsxt");
        assertThat(raised).extracting(Alert::alertClass, Alert::component).containsExactly(
                tuple(Alert.AlertClass.RECONCILIATION, "upstream:province"),
                tuple(Alert.AlertClass.RECONCILIATION, "upstream:gsxt"));
        assertThat(raised.get(0).message()).startsWith("reconciliation failed: ").contains("did not answer");
        assertThat(resent).isEmpty();
        assertThat(ledger.deliveries("lost")).singleElement().extracting(Delivery::state)
                .isEqualTo(DeliveryState.ACCEPTED);
    }
}
