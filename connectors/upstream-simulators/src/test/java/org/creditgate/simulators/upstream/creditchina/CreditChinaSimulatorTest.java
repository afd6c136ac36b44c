package org.creditgate.simulators.upstream.creditchina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.ORG_USCC;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.citizenId;
import static org.creditgate.simulators.upstream.core.TestEnvelopes.penalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.Masking;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.TestEnvelopes;
import org.creditgate.simulators.upstream.core.TestHttp;
import org.creditgate.simulators.upstream.core.TestHttp.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreditChinaSimulatorTest {

    private static final String PERSON_ID = citizenId("35010219900307123");

    private CreditChinaSimulator sim;

    @BeforeEach
    void start() {
        sim = new CreditChinaSimulator().start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void answersPerRecordReceiptsAtOnceAndTakesPublishableRecordsOnly() {
        ObjectNode notPublished = penalty(ORG_USCC, "罚款").put("publish", "N");
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("r1", 1, "ADD", penalty(ORG_USCC, "罚款"))
                .item("r2", 1, "ADD", notPublished);

        Answer answer = TestHttp.post(sim.url() + "/records", env.json());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode receipt = answer.body();
        assertThat(receipt.path("ackFor").asText()).isEqualTo(env.msgId());
        assertThat(receipt.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(receipt.path("results").get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(receipt.path("results").get(1).path("errors").get(0).path("code").asText())
                .isEqualTo(CreditChinaSimulator.E_NOT_PUBLISHABLE);
        assertThat(sim.store().data()).extracting(StoredItem::recordId).containsExactly("r1");
        assertThat(TestHttp.get(sim.url() + "/status?recordId=r2&version=1").body().path("lastResult")
                .path("status").asText()).isEqualTo("REJECTED");
        assertThat(TestHttp.get(sim.url() + "/holdings").body().path("count").asInt()).isEqualTo(1);
    }

    @Test
    void privacyScanIsCleanForMaskedPersonalData() {
        ObjectNode person = personPenalty(Masking.idNo(PERSON_ID));

        TestHttp.post(sim.url() + "/records", TestEnvelopes.data("PENALTY").item("p1", 1, "ADD", person).json());

        assertThat(sim.payloadsReceived()).isEqualTo(1);
        assertThat(sim.privacyScan()).isEmpty();
        assertThat(TestHttp.get(sim.url() + "/privacy-scan").body().path("violationCount").asInt()).isZero();
    }

    @Test
    void privacyScanReportsUnmaskedIdsAndLegalRepIdsWithRecordAndPlace() {
        ObjectNode leaked = personPenalty(PERSON_ID);
        ObjectNode org = penalty(ORG_USCC, "罚款").put("CF_FR_ZJHM", Masking.idNo(PERSON_ID));
        TestEnvelopes env = TestEnvelopes.data("PENALTY").item("p1", 1, "ADD", leaked).item("o1", 1, "ADD", org);

        TestHttp.post(sim.url() + "/records", env.json());

        assertThat(sim.privacyScan()).extracting(PrivacyViolation::msgId, PrivacyViolation::recordId,
                PrivacyViolation::pointer, PrivacyViolation::kind).containsExactly(
                        tuple(env.msgId(), "p1", "/body/0/data/CF_XDR_ZJHM",
                                IdNumberScanner.UNMASKED_ID),
                        tuple(env.msgId(), "o1", "/body/1/data/CF_FR_ZJHM",
                                IdNumberScanner.LEGAL_REP_ID));
        assertThat(sim.privacyScan().get(0).maskedValue()).isEqualTo(Masking.idNo(PERSON_ID));
        JsonNode report = TestHttp.get(sim.url() + "/privacy-scan").body();
        assertThat(report.path("violationCount").asInt()).isEqualTo(2);
        assertThat(report.toString()).doesNotContain(PERSON_ID);
        assertThat(sim.store().data()).hasSize(2); // accepted: the scan reports, it does not hide the leak
    }

    @Test
    void canRejectLeaksInsteadAndStillSeesThemInTheScan() {
        sim.rejectPrivacyViolations(true);

        JsonNode receipt = TestHttp.post(sim.url() + "/records", TestEnvelopes.data("PENALTY")
                .item("p1", 1, "ADD", personPenalty(PERSON_ID)).json()).body();

        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("results").get(0).path("errors").get(0).path("code").asText())
                .isEqualTo(CreditChinaSimulator.E_PRIVACY);
        assertThat(sim.store().data()).isEmpty();
        assertThat(sim.privacyScan()).hasSize(1);
    }

    @Test
    void digestMismatchAndUnreadableEnvelopes() {
        JsonNode receipt = TestHttp.post(sim.url() + "/records", TestEnvelopes.data("PENALTY")
                .item("r1", 1, "ADD", penalty(ORG_USCC, "罚款")).digest("abc").json()).body();
        assertThat(receipt.path("status").asText()).isEqualTo("REJECTED");
        assertThat(receipt.path("errors").get(0).path("code").asText()).isEqualTo("E_DIGEST");

        Answer noHeader = TestHttp.post(sim.url() + "/records", "{\"body\":[]}");
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.body().path("field").asText()).isEqualTo("header");
        assertThat(TestHttp.post(sim.url() + "/records", "not json").status()).isEqualTo(400);
        assertThat(TestHttp.get(sim.url() + "/records").status()).isEqualTo(405);
        assertThat(sim.store().data()).isEmpty();
    }

    private static ObjectNode personPenalty(String idNo) {
        ObjectNode d = penalty(ORG_USCC, "罚款");
        d.remove("CF_XDR_SHXYM");
        d.remove("CF_FRDB");
        return d.put("CF_XDR_LB", "自然人").put("CF_XDR_MC", "李四").put("CF_XDR_ZJLX", "身份证")
                .put("CF_XDR_ZJHM", idNo);
    }
}
