package org.creditgate.connector.court;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.creditgate.connector.court.CourtTranslator.Translation;
import org.creditgate.connector.court.sim.DemoExecutees;
import org.creditgate.connector.court.ws.ExecuteeChange;
import org.creditgate.model.calendar.WorkingDayCalendar;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.model.validation.RecordValidator;
import org.creditgate.model.validation.ValidationContext;
import org.creditgate.model.validation.ValidationOutcome;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.spi.ingest.RecordResult;
import org.creditgate.testkit.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CourtTranslatorTest {

    private final CourtTranslator translator = new CourtTranslator(Clock.systemUTC());
    private final TestGateway gateway = new TestGateway(new CourtConnector(Map.of("department", "zjfy",
            "endpoint", "http://127.0.0.1:1/court", "account", "a", "password", "p")).descriptor());

    @AfterEach
    void close() {
        gateway.close();
    }

    /** The connector-api sample, as the court publishes it. */
    private static ExecuteeChange sampleAsCourtSendsIt() {
        return new ExecuteeChange().setSeq(1).setChangeType(ExecuteeChange.NEW).setIname("李四")
                .setPartyTypeName("自然人").setCardNum("11010519491231002X").setSexy("女").setAge(76)
                .setDuty("支付货款人民币十万元及利息").setPerformance("全部未履行")
                .setDisruptTypeName("有履行能力而拒不履行生效法律文书确定义务").setGistId("（2025）闽0102民初123号")
                .setGistUnit("福州市鼓楼区人民法院").setCaseCode("（2026）闽0102执456号").setCourtName("福州市鼓楼区人民法院")
                .setRegDate("2026-03-02").setPublishDate("2026-06-01");
    }

    @Test
    void aPersonIsMappedToEveryFieldOfTheCanonicalSample() {
        ObjectNode expected = SampleRecords.load("DISHONEST_EXECUTEE").put("op", "ADD");
        assertThat(translator.executee(sampleAsCourtSendsIt())).isEqualTo(expected);
        assertThat(validate(translator.executee(sampleAsCourtSendsIt())).errors()).isEmpty();
    }

    @Test
    void anOrganisationCarriesItsCodeAndLegalRepresentativeButNoPersonalItems() {
        ObjectNode org = translator.executee(DemoExecutees.organisation(7));
        assertThat(org.get("subjectCategory").asText()).isEqualTo("法人及非法人组织");
        assertThat(org.get("uscc").asText()).isEqualTo("91350100M000100Y43");
        assertThat(org.get("legalRep").asText()).isEqualTo("张三");
        assertThat(org.has("idNo") || org.has("idType") || org.has("gender") || org.has("age")).isFalse();
        assertThat(validate(org).errors()).isEmpty();

        ObjectNode byOrgCode = translator.executee(DemoExecutees.organisation(8).setCardNum("M000100Y-4"));
        assertThat(byOrgCode.get("orgCode").asText()).isEqualTo("M000100Y4");
        assertThat(byOrgCode.has("uscc")).isFalse();
        assertThat(validate(byOrgCode).errors()).isEmpty();
    }

    @Test
    void aModificationIsAnUpdateOfTheSameRecord() {
        ObjectNode update = translator.executee(DemoExecutees.person(3).setChangeType(ExecuteeChange.MODIFIED));
        assertThat(update.get("op").asText()).isEqualTo("UPDATE");
    }

    @Test
    void aDeletionBecomesACourtDeletedShieldOfTheRecordTheGatewayAccepted() {
        ExecuteeChange added = DemoExecutees.person(4).setSeq(1).setChangeType(ExecuteeChange.NEW);
        RecordResult accepted = single(gateway.ingest(translator.translate(List.of(added)).records()));
        assertThat(accepted.status()).isEqualTo(IngestStatus.ACCEPTED);

        ExecuteeChange deleted = CourtTestData.deleted(DemoExecutees.person(4), 2, "（2026）闽01执恢4号");
        Translation t = translator.translate(List.of(deleted));
        assertThat(t.undeliverable()).isEmpty();
        JsonNode shield = t.records().get(0);
        assertThat(shield.get("dataset").asText()).isEqualTo("SHIELD");
        assertThat(shield.get("cause").asText()).isEqualTo("COURT_DELETED");
        assertThat(shield.get("targetDataset").asText()).isEqualTo("DISHONEST_EXECUTEE");
        assertThat(shield.get("targetRecordId").asText()).isEqualTo(accepted.recordId());
        assertThat(shield.get("decisionRef").asText()).isEqualTo("（2026）闽01执恢4号");
        assertThat(shield.get("effectiveAt").asText()).isEqualTo("2026-11-20T09:30:00+08:00");
        assertThat(shield.get("targetBusinessKey").asText()).doesNotContain(added.getCardNum());
        assertThat(single(gateway.ingest(t.records())).status()).isEqualTo(IngestStatus.ACCEPTED);
        // the same deletion read again is the same shield
        assertThat(translator.translate(List.of(deleted)).records()).isEqualTo(t.records());
    }

    @Test
    void aDeletionOfDataTheGatewayCouldNeverHaveAcceptedIsNotShielded() {
        ExecuteeChange deleted = CourtTestData.deleted(DemoExecutees.person(5).setCaseCode(null), 3, null);
        Translation t = translator.translate(List.of(deleted));
        assertThat(t.records()).isEmpty();
        assertThat(t.undeliverable()).extracting(ExecuteeChange::getSeq).containsExactly(3L);
    }

    @Test
    void badCourtDataIsPassedOnSoIngestRejectsItNamingTheField() {
        String badCheck = DemoExecutees.brokenIdNo(6);
        ObjectNode person = translator.executee(DemoExecutees.person(6).setChangeType(ExecuteeChange.NEW)
                .setCardNum(badCheck).setRegDate("2026-13-45"));
        assertThat(person.get("idNo").asText()).isEqualTo(badCheck);
        assertThat(person.get("filedOn").asText()).isEqualTo("2026-13-45");
        RecordResult rejected = single(gateway.ingest(List.of(person)));
        assertThat(rejected.status()).isEqualTo(IngestStatus.REJECTED);
        assertThat(rejected.errors()).extracting(e -> e.code() + " " + e.field())
                .contains("E_ID_CHECK idNo").anyMatch(e -> e.endsWith(" filedOn"));

        ObjectNode unknownParty = translator.executee(DemoExecutees.person(7).setChangeType(ExecuteeChange.NEW)
                .setPartyTypeName("外星人"));
        assertThat(unknownParty.get("subjectCategory").asText()).isEqualTo("外星人");
        assertThat(single(gateway.ingest(List.of(unknownParty))).errors()).extracting(e -> e.field())
                .contains("subjectCategory");
    }

    @Test
    void anUnknownChangeTypeIsPassedOnAsTheOp() {
        ObjectNode record = translator.executee(DemoExecutees.person(7).setChangeType("SUSPENDED"));
        assertThat(single(gateway.ingest(List.of(record))).errors()).extracting(e -> e.field()).contains("op");
    }

    @Test
    void theCourtChangeNeverShowsAnIdNumberInItsText() {
        ExecuteeChange c = DemoExecutees.person(8);
        assertThat(c.toString()).doesNotContain(c.getCardNum()).contains(c.getCardNum().substring(0, 6) + "********");
    }

    private static ValidationOutcome validate(JsonNode record) {
        return new RecordValidator().validate(record, new ValidationContext(java.time.LocalDate.now(TestGateway.ZONE),
                WorkingDayCalendar.fromClasspath()));
    }

    private static RecordResult single(IngestResult result) {
        assertThat(result.results()).hasSize(1);
        return result.results().get(0);
    }
}
