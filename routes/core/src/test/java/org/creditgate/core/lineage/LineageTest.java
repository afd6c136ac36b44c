package org.creditgate.core.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.ledger.HistoryEvent;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordState;
import org.creditgate.ledger.RecordVersion;
import org.creditgate.model.Masking;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ConnectorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a lineage gathers beyond the ledger's rows: the department's channels, masking, a damaged current version. */
class LineageTest {

    private static final Instant AT = Instant.parse("2026-11-20T04:00:00Z");

    private final PipelineHarness harness = new PipelineHarness();
    private final Ledger ledger = harness.ledger();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void theChannelsAreTheDepartmentsSourceConnectorsOnly() {
        ConnectorRegistry registry = new ConnectorRegistry();
        registry.bind(IdleConnectors.of(ConnectorKind.SOURCE, "rest", "scjgj"));
        registry.bind(IdleConnectors.of(ConnectorKind.SOURCE, "table", "scjgj"));
        registry.bind(IdleConnectors.of(ConnectorKind.SOURCE, "file", "swj"));
        // a sink names its upstream as "department": never a channel, even with a clashing name
        registry.bind(IdleConnectors.of(ConnectorKind.SINK, "envelope", "scjgj"));

        assertThat(Lineage.channels(registry).apply("scjgj")).containsExactly("rest-scjgj (rest)",
                "table-scjgj (table)");
        assertThat(Lineage.channels(registry).apply("sthjj")).isEmpty();
    }

    @Test
    void freeTextIsMaskedAndADamagedCurrentVersionLeavesOnlyTheSubjectOut() {
        String id = SampleRecords.CITIZEN_ID;
        ledger.accept(List.of(new RecordVersion("r-damaged", 1, "ADD", "PENALTY", "scjgj", "k", "P:x", "h",
                "{not json", "[{\"code\":\"W_NORMALIZED\",\"message\":\"" + id + "\"}]", AT, RecordState.VALIDATED)));

        Lineage l = Lineage.of(ledger, ledger.head("r-damaged").orElseThrow(), dept -> List.of());

        assertThat(l.subject()).isNull();
        assertThat(l.versions()).singleElement().satisfies(v -> assertThat(v.warnings())
                .contains(Masking.idNo(id)).doesNotContain(id));
        assertThat(l.history()).extracting(Lineage.Event::event)
                .containsExactlyElementsOf(ledger.history("r-damaged").stream().map(HistoryEvent::event).toList());
        assertThat(l.deliveries()).isEmpty();
        assertThat(l.shields()).isEmpty();
        assertThat(l.objections()).isEmpty();
    }

    @Test
    void aPersonsSubjectShowsTheMaskedNumber() {
        String recordId = harness.pipeline().ingest(new IngestRequest("scjgj", "test",
                SampleRecords.personPenalty("榕市监罚〔2026〕91号", SampleRecords.CITIZEN_ID))).results().get(0).recordId();

        Lineage l = Lineage.of(ledger, ledger.head(recordId).orElseThrow(), dept -> List.of("rest-scjgj (rest)"));

        assertThat(l.subject()).isEqualTo("李四 (ID " + Masking.idNo(SampleRecords.CITIZEN_ID) + ")");
        assertThat(l.channels()).containsExactly("rest-scjgj (rest)");
        assertThat(l.toString()).doesNotContain(SampleRecords.CITIZEN_ID);
    }
}
