package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.routing.UpstreamRouting;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;

/** The real ingest pipeline (H2 ledger, received on 2026-11-20) and the shipped routing table, for shield tests. */
final class ShieldFixture implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final PipelineHarness harness = new PipelineHarness();
    final Ledger ledger = harness.ledger();
    final UpstreamRouting routing = shippedRouting();

    static UpstreamRouting shippedRouting() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("../../config/org.creditgate.routing.cfg"),
                StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> m = new HashMap<>();
        p.forEach((k, v) -> m.put(k.toString(), v));
        return new RoutingTable(m).current();
    }

    /** A clock the test moves: the job judges periods on its day. */
    static final class DayClock extends Clock {
        private volatile Instant now;

        DayClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(2, 0).atZone(SHANGHAI).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    ShieldIssuer issuer() {
        return new ShieldIssuer(harness.pipeline()::ingest, Clock.systemUTC(), SHANGHAI);
    }

    RecordResult ingest(String department, JsonNode record) {
        return harness.pipeline().ingest(new IngestRequest(department, "test", record)).results().get(0);
    }

    /** A 一般失信 行政处罚 (org, fine ¥2,000) decided on {@code decided}, accepted; its record id. */
    String penalty(String docNo, LocalDate decided) {
        return accepted(SampleRecords.decidedOn(SampleRecords.penalty(docNo), decided));
    }

    String accepted(ObjectNode record) {
        RecordResult r = ingest("scjgj", record);
        assertThat(r.status()).as("%s", r.errors()).isEqualTo(IngestStatus.ACCEPTED);
        return r.recordId();
    }

    /** The platform acknowledged version 1 of the record on {@code day} (Beijing noon). */
    void heldBy(String recordId, String upstream, LocalDate day) {
        Instant at = day.atTime(12, 0).atZone(SHANGHAI).toInstant();
        ledger.queueDeliveries(List.of(Delivery.queued(recordId, 1, upstream, at)));
        ledger.updateDeliveries(upstream, List.of(new VersionRef(recordId, 1)), DeliveryState.ACCEPTED, "B-1",
                "RC-" + upstream, null, at);
    }

    /** A 信用修复 of the record applied on {@code appliedOn}; decided (同意修复) on {@code decidedOn} unless null. */
    static ObjectNode repair(String repairId, String targetRecordId, LocalDate appliedOn, LocalDate decidedOn) {
        ObjectNode r = SampleRecords.load("REPAIR").put("repairId", repairId).put("targetRecordId", targetRecordId)
                .put("appliedOn", appliedOn.toString());
        if (decidedOn == null) {
            r.remove(List.of("decision", "decidedOn", "decidingUnit", "decidingUnitUscc"));
        } else {
            r.put("decidedOn", decidedOn.toString());
        }
        return r;
    }

    @Override
    public void close() {
        harness.close();
    }
}
