package org.creditgate.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.creditgate.core.reconcile.Comparison.Finding;
import org.creditgate.core.reconcile.Comparison.Plan;
import org.creditgate.core.reconcile.Discrepancy.Kind;
import org.creditgate.ledger.AutoResends;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.UpstreamDelivery;
import org.creditgate.ledger.VersionRef;
import org.creditgate.spi.delivery.UpstreamHoldings.Holding;
import org.junit.jupiter.api.Test;

/** The comparison of ledger and holdings, every kind of discrepancy and the resend limit. */
class ComparisonTest {

    private static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");

    private static UpstreamDelivery ours(String id, int v, DeliveryState state) {
        return ours(id, v, state, "PENALTY");
    }

    private static UpstreamDelivery ours(String id, int v, DeliveryState state, String dataset) {
        return new UpstreamDelivery(new Delivery(id, v, "province", state, "B", null, null, T0, T0), dataset, v);
    }

    private static Holding held(String id, int v) {
        return new Holding(id, "PENALTY", v, false);
    }

    @Test
    void everyKindOfDiscrepancyIsFoundAndTheRestCounted() {
        List<UpstreamDelivery> ours = List.of(
                ours("ok", 1, DeliveryState.ACCEPTED),
                ours("lost", 1, DeliveryState.ACCEPTED),
                ours("old", 1, DeliveryState.ACCEPTED), ours("old", 2, DeliveryState.ACCEPTED),
                ours("ahead", 1, DeliveryState.ACCEPTED),
                ours("noreceipt", 1, DeliveryState.UNKNOWN),
                ours("queued", 1, DeliveryState.QUEUED), ours("sent", 1, DeliveryState.SENT),
                ours("refused", 1, DeliveryState.REJECTED),
                ours("shielded", 1, DeliveryState.SUPPRESSED),
                ours("lic", 1, DeliveryState.ACCEPTED, "LICENSE"));
        List<Holding> theirs = List.of(held("ok", 1), held("old", 1), held("ahead", 3), held("phantom", 2),
                new Holding("lic", "LICENSE", 1, false));

        Comparison.Result r = Comparison.compare(ours, theirs, Map.of(), 3);

        assertThat(r.findings()).extracting(Finding::recordId, Finding::kind, Finding::ourVersion,
                Finding::theirVersion, Finding::plan).containsExactly(
                        tuple("ahead", Kind.VERSION_MISMATCH, 1, 3, Plan.ALERT),
                        tuple("lost", Kind.MISSING, 1, null, Plan.RESEND),
                        tuple("noreceipt", Kind.UNKNOWN_RECEIPT, 1, null, Plan.STATUS_QUERY),
                        tuple("old", Kind.VERSION_MISMATCH, 2, 1, Plan.RESEND),
                        tuple("phantom", Kind.UNKNOWN_TO_US, null, 2, Plan.ALERT));
        assertThat(r.datasets()).containsOnlyKeys("LICENSE", "PENALTY");
        // PENALTY records: ok, lost, old, ahead, noreceipt, queued, sent, refused (shielded never goes out)
        assertThat(r.datasets().get("PENALTY")).isEqualTo(new Counts(7, 4, 1, 2, 1, 4, 1, 2, 1, 0, 0, 0));
        assertThat(r.datasets().get("LICENSE")).isEqualTo(new Counts(1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aShieldIsNoHoldingAndIsNeverResentAsData() {
        Comparison.Result r = Comparison.compare(List.of(ours("a", 1, DeliveryState.ACCEPTED),
                ours("shield-of-a", 1, DeliveryState.ACCEPTED, "SHIELD")), List.of(held("a", 1)), Map.of(), 3);

        assertThat(r.findings()).isEmpty();
        assertThat(r.datasets()).containsOnlyKeys("PENALTY");
    }

    @Test
    void nothingToReportWhenTheUpstreamHoldsExactlyWhatItAcknowledged() {
        Comparison.Result r = Comparison.compare(List.of(ours("a", 1, DeliveryState.ACCEPTED),
                ours("b", 2, DeliveryState.ACCEPTED)), List.of(held("a", 1), held("b", 2)), Map.of(), 3);

        assertThat(r.findings()).isEmpty();
        assertThat(r.datasets().get("PENALTY").held()).isEqualTo(2);
    }

    @Test
    void afterTheLastAutomaticResendItIsDeadLetteredOnceThenWaitsForTheOperator() {
        VersionRef lost = new VersionRef("lost", 1);
        Map<VersionRef, AutoResends> twice = Map.of(lost, new AutoResends("lost", 1, "province", 2, T0, null));
        Map<VersionRef, AutoResends> thrice = Map.of(lost, new AutoResends("lost", 1, "province", 3, T0, null));
        Map<VersionRef, AutoResends> given = Map.of(lost, new AutoResends("lost", 1, "province", 3, T0,
                T0.plusSeconds(1)));
        List<UpstreamDelivery> ours = List.of(ours("lost", 1, DeliveryState.ACCEPTED));

        assertThat(Comparison.compare(ours, List.of(), twice, 3).findings()).singleElement()
                .satisfies(f -> assertThat(f.plan()).isEqualTo(Plan.RESEND)).extracting(Finding::tries).isEqualTo(2);
        assertThat(Comparison.compare(ours, List.of(), thrice, 3).findings()).singleElement()
                .extracting(Finding::plan).isEqualTo(Plan.DEAD_LETTER);
        assertThat(Comparison.compare(ours, List.of(), given, 3).findings()).singleElement()
                .extracting(Finding::plan).isEqualTo(Plan.AWAIT_OPERATOR);
        // an operator replayed it (the delivery moved after the dead-lettering) and it is lost again
        assertThat(Comparison.resendOrGiveUp(3, 3, given.get(lost), T0.plusSeconds(60))).isEqualTo(Plan.DEAD_LETTER);
        assertThat(Comparison.resendOrGiveUp(0, 0, null, T0)).as("maxResends 0: never resend").isEqualTo(Plan.DEAD_LETTER);
    }
}
