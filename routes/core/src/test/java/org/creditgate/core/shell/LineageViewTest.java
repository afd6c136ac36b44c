package org.creditgate.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.ledger.Delivery;
import org.creditgate.ledger.DeliveryState;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ShieldEntry;
import org.creditgate.ledger.VersionRef;
import org.creditgate.model.Masking;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.SubjectSearch;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lineage the shell prints, from a real pipeline's ledger: every leg, and never a full ID number. */
class LineageViewTest {

    private static final String ID = SampleRecords.CITIZEN_ID;
    private static final Instant AT = Instant.parse("2026-11-20T04:00:00Z");

    private final PipelineHarness harness = new PipelineHarness();
    private final Ledger ledger = harness.ledger();

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void showsDepartmentChannelVersionsDeliveriesWithReceiptsAndShieldsMasked() {
        String id = accepted(SampleRecords.personPenalty("榕市监罚〔2026〕77号", ID));
        ledger.queueDeliveries(List.of(Delivery.queued(id, 1, "national", AT), Delivery.queued(id, 1, "province", AT)));
        ledger.updateDeliveries("national", List.of(new VersionRef(id, 1)), DeliveryState.ACCEPTED, "B-7",
                "RC-national-7", null, AT.plusSeconds(5));
        ledger.updateDeliveries("province", List.of(new VersionRef(id, 1)), DeliveryState.REJECTED, "B-8", null,
                "E_RULE: CF_XDR_ZJHM " + ID + " refused", AT.plusSeconds(6));
        String shieldRecord = accepted(SampleRecords.load("SHIELD").put("shieldId", "S-77").put("targetRecordId", id)
                .put("targetDataset", "PENALTY"));
        assertThat(ledger.shield("S-77")).as("the shield record applied the shield").isPresent();
        ledger.queueShieldDispatches("S-77", Map.of("national", 1), AT.plusSeconds(7));

        String out = print(id);

        assertThat(out).contains("Record " + id + " [PENALTY] SHIELDED, version 1")
                .contains("department: scjgj, channel: rest-scjgj (rest-push)")
                .contains("ID " + Masking.idNo(ID))
                .contains("RECEIVED_VALID", "ADD from scjgj")
                .contains("national", "ACCEPTED", "B-7", "RC-national-7")
                .contains("province", "REJECTED", "E_RULE: CF_XDR_ZJHM " + Masking.idNo(ID) + " refused")
                .contains("S-77").contains("Objections: none")
                .doesNotContain(ID);
        assertThat(shieldRecord).isNotEqualTo(id);
    }

    @Test
    void aSubjectsRecordsAreFoundByTheFullNumberOnly() {
        String id = accepted(SampleRecords.personPenalty("榕市监罚〔2026〕78号", ID));
        accepted(SampleRecords.penalty("榕市监罚〔2026〕79号"));

        assertThat(ledger.headsOfSubject(SubjectSearch.key(ID), 10)).singleElement()
                .satisfies(h -> assertThat(h.recordId()).isEqualTo(id));
        assertThat(ledger.headsOfSubject(SubjectSearch.key(SampleRecords.ORG_USCC), 10)).hasSize(1);
    }

    private String print(String id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new LineageView(ledger, dept -> dept.equals("scjgj") ? List.of("rest-scjgj (rest-push)") : List.of())
                .print(ledger.head(id).orElseThrow(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String accepted(com.fasterxml.jackson.databind.JsonNode record) {
        RecordResult r = harness.pipeline().ingest(new IngestRequest("scjgj", "test", record)).results().get(0);
        assertThat(r.status()).as("%s", r.errors()).isEqualTo(IngestStatus.ACCEPTED);
        return r.recordId();
    }
}
