package org.creditgate.core.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.creditgate.core.auth.UpstreamPlatform;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.core.ingest.TestBroker;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.GatewayAddresses;
import org.creditgate.spi.GatewayHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The department that provided a record is told when an upstream platform repaired it (domain.md §6.2), once per
 * repair, on its events address, with nothing that identifies a person.
 */
class UpstreamRepairNoticeTest {

    private record Sent(String department, String eventId, JsonNode event) {
    }

    private final PipelineHarness harness = new PipelineHarness();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final UpstreamRepairs repairs = new UpstreamRepairs(harness.ledger(), new ShieldIssuer(
            harness.pipeline()::ingest, Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC),
            ZoneId.of("Asia/Shanghai")));

    @AfterEach
    void close() {
        harness.close();
    }

    private String accepted(String docNo) {
        return harness.pipeline().ingest(new IngestRequest("scjgj", "rest", SampleRecords.personPenalty(docNo,
                SampleRecords.CITIZEN_ID))).results().get(0).recordId();
    }

    private void repaired(String platform, String id, String target) {
        var body = SampleRecords.JSON.createObjectNode().put("shieldId", id).put("targetRecordId", target)
                .put("effectiveAt", "2026-11-20T09:30:00+08:00").put("decisionRef", "鄂信修〔2026〕9号");
        assertThat(repairs.receive(new UpstreamPlatform(platform, platform), body).status()).isEqualTo(200);
    }

    @Test
    void theProvidingDepartmentIsToldOfAnUpstreamRepairAndOfNothingElse() throws Exception {
        harness.pipeline().onAccepted(new UpstreamRepairNotice(harness.ledger(), (dept, id, json) -> sent.add(
                new Sent(dept, id, SampleRecords.JSON.readTree(json)))));
        String target = accepted("榕市监罚〔2026〕401号");
        String other = accepted("榕市监罚〔2026〕402号");
        harness.pipeline().ingest(new IngestRequest("scjgj", "rest", SampleRecords.JSON.createObjectNode()
                .put("dataset", "SHIELD").put("shieldId", "S-OWN-1").put("targetDataset", "PENALTY")
                .put("targetRecordId", other).put("cause", "REPAIR").put("effectiveAt", "2026-11-20T10:00:00+08:00")));
        repaired("province", "HB-9", target);

        assertThat(sent).hasSize(1);
        Sent s = sent.get(0);
        assertThat(s.department()).isEqualTo("scjgj");
        assertThat(s.eventId()).isEqualTo("UPSTREAM_REPAIR:UP-province-HB-9");
        assertThat(s.event().path("event").asText()).isEqualTo("UPSTREAM_REPAIR");
        assertThat(s.event().path("platform").asText()).isEqualTo("province");
        assertThat(s.event().path("recordId").asText()).isEqualTo(target);
        assertThat(s.event().path("dataset").asText()).isEqualTo("PENALTY");
        assertThat(s.event().path("shieldId").asText()).isEqualTo("UP-province-HB-9");
        assertThat(s.event().path("decisionRef").asText()).isEqualTo("鄂信修〔2026〕9号");
        assertThat(s.event().path("effectiveAt").asText()).isEqualTo("2026-11-20T09:30+08:00");
        assertThat(s.event().toString()).doesNotContain(SampleRecords.CITIZEN_ID).doesNotContain("李四");
    }

    @Test
    void theEventReachesTheDepartmentsAddressOnceHoweverOftenItIsSent() throws Exception {
        try (TestBroker broker = new TestBroker(Files.createTempDirectory(Path.of("target"), "artemis")).start()) {
            UpstreamRepairNotice notice = new UpstreamRepairNotice(harness.ledger(),
                    new JmsDepartmentEvents(broker.connectionFactory()));
            String target = accepted("榕市监罚〔2026〕403号");
            repaired("national", "GJ-1", target);
            var shield = harness.ledger().currentVersions(List.of("SHIELD"), Instant.EPOCH, 10).get(0);

            assertThat(notice.notice(shield)).isTrue();
            assertThat(notice.notice(shield)).as("a catch-up sends it again").isTrue();

            List<Message> events = broker.browse(GatewayAddresses.departmentEvents("scjgj"));
            assertThat(events).hasSize(1);
            TextMessage m = (TextMessage) events.get(0);
            assertThat(m.getStringProperty(JmsDepartmentEvents.EVENT)).isEqualTo("UPSTREAM_REPAIR");
            assertThat(m.getStringProperty(GatewayHeaders.DEPARTMENT)).isEqualTo("scjgj");
            assertThat(SampleRecords.JSON.readTree(m.getText()).path("platform").asText()).isEqualTo("national");
        }
    }
}
