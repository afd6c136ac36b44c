package org.creditgate.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.LedgerDataSources;
import org.creditgate.ledger.LedgerSettings;
import org.creditgate.ledger.Ledgers;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.CreditRecord;
import org.creditgate.model.RecordIds;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.PublicationDeadline.Status;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On Friday 2026-11-27: which 双公示 records are at risk or overdue, per department, and why. */
class DeadlineWatchTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromClasspath();
    private static final Instant NOW = LocalDate.of(2026, 11, 27).atTime(10, 0).atZone(ZONE).toInstant();

    private final DataSource ds = LedgerDataSources.create(new LedgerSettings(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2));
    private final Ledger ledger = Ledgers.open(ds);

    @AfterEach
    void close() {
        LedgerDataSources.close(ds);
    }

    private String store(ObjectNode json, LocalDate decided, String department) {
        CreditRecord r = new RecordValidator().validate(SampleRecords.decidedOn(json, decided),
                new ValidationContext(decided, CALENDAR)).record();
        String id = RecordIds.forBusinessKey(r.dataset(), r.businessKey());
        ledger.accept(List.of(new RecordVersion(id, 1, "ADD", "PENALTY", department, r.businessKey(), "S:x", "h" + id,
                CanonicalJson.write(r), "[]", NOW.minusSeconds(3600), RecordState.VALIDATED)));
        return id;
    }

    private void acceptedBy(String id, String... upstreams) {
        for (String u : upstreams) {
            ledger.queueDeliveries(List.of(Delivery.queued(id, 1, u, NOW)));
            ledger.updateDeliveries(u, List.of(new VersionRef(id, 1)), DeliveryState.ACCEPTED, "b", "r", null, NOW);
        }
    }

    @Test
    void atRiskAndOverduePerDepartmentWithTheMissingUpstreams() throws Exception {
        // decided Fri 11-20: deadline Tue 12-01 (7 working days), at risk from Fri 11-27
        String atRisk = store(SampleRecords.penalty("榕市监罚〔2026〕1号"), LocalDate.of(2026, 11, 20), "scjgj");
        acceptedBy(atRisk, "creditchina");
        // accepted by both deadline upstreams: published on time, not listed
        acceptedBy(store(SampleRecords.penalty("榕市监罚〔2026〕2号"), LocalDate.of(2026, 11, 20), "scjgj"),
                "creditchina", "gsxt");
        // decided Tue 11-10: deadline Thu 11-19, passed
        String overdue = store(SampleRecords.penalty("榕环罚〔2026〕3号"), LocalDate.of(2026, 11, 10), "sthjj");
        // not publishable: routed to no deadline upstream, so nothing to wait for
        store(SampleRecords.penalty("榕市监罚〔2026〕4号").put("publish", "N").put("publishReason", "涉密"),
                LocalDate.of(2026, 11, 10), "scjgj");
        DeadlineWatch watch = new DeadlineWatch(ledger, new RoutingTable(FanOutRoutesTest.shippedTable()), CALENDAR,
                Clock.fixed(NOW, ZONE), ZONE);

        DeadlineWatch.Report all = watch.report(null);

        assertThat(all.items()).extracting(DeadlineWatch.Item::recordId, DeadlineWatch.Item::status,
                DeadlineWatch.Item::deadline).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(atRisk, Status.AT_RISK, LocalDate.of(2026, 12, 1)),
                        org.assertj.core.groups.Tuple.tuple(overdue, Status.OVERDUE, LocalDate.of(2026, 11, 19)));
        assertThat(all.items()).filteredOn(i -> i.recordId().equals(atRisk)).singleElement()
                .satisfies(i -> assertThat(i.missing()).containsExactly("gsxt"));
        assertThat(all.departments()).isEqualTo(Map.of("scjgj", Map.of(Status.AT_RISK, 1),
                "sthjj", Map.of(Status.OVERDUE, 1)));
        assertThat(watch.report("sthjj").items()).extracting(DeadlineWatch.Item::recordId).containsExactly(overdue);
    }
}
