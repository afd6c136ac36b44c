package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.LegalRepLink;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.creditgate.simulators.upstream.province.RepairPush;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Legal-representative linkage (domain.md §6.4) in a booted distribution with the four upstream simulators: a
 * 严重失信 penalty and a 黑名单 entry of an organisation make the gateway create the linked person record of its
 * 法定代表人, which only the sharing platforms (province, national) receive — 信用中国 and GSXT never do, and 信用中国
 * never sees the representative's ID number. An update of the organisation record reaches the holders as a new
 * version of the linked record; shielding the organisation record (operator, or the province's own repair on the
 * upstream channel) shields the linked record at every platform holding it, with proof.
 */
class LegalRepLinkIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String REP_ID = SampleRecords.CITIZEN_ID;

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private final NationalSimulator national = upstreams.national;
    private final ProvinceSimulator province = upstreams.province;
    private final CreditChinaSimulator creditchina = upstreams.creditchina;
    private GsxtSimulator gsxt;

    @Test
    void theRepresentativesLinkedRecordIsSharedNotPublishedAndFollowsEveryUpdateAndShield() throws Exception {
        karaf = KarafInstance.fresh("legal-rep");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        gsxt = upstreams.connect(karaf).gsxt;

        // a 严重失信 fine and a 黑名单 entry of the same company, both naming its 法定代表人 with his ID number
        String penalty = accepted("scjgj-demo-token", seriousPenalty().toString());
        String listed = accepted("swj-demo-token", blackEntry().toString());
        String linkedPenalty = LegalRepLink.linkedRecordId(penalty);
        String linkedEntry = LegalRepLink.linkedRecordId(listed);

        await("the organisation records and the linked records at the sharing platforms").atMost(SOON).until(() ->
                national.store().holds(penalty, 1) && province.store().holds(penalty, 1)
                        && creditchina.store().holds(penalty, 1) && gsxt.store().holds(penalty, 1)
                        && national.store().holds(listed, 1) && province.store().holds(listed, 1)
                        && creditchina.store().holds(listed, 1)
                        && national.store().holds(linkedPenalty, 1) && province.store().holds(linkedPenalty, 1)
                        && national.store().holds(linkedEntry, 1) && province.store().holds(linkedEntry, 1));
        await().atMost(SOON).until(() -> allAccepted(penalty, "scjgj-demo-token")
                && allAccepted(linkedPenalty, "scjgj-demo-token") && allAccepted(listed, "swj-demo-token")
                && allAccepted(linkedEntry, "swj-demo-token"));
        for (UpstreamStore published : List.of(creditchina.store(), gsxt.store())) {
            assertThat(published.data()).extracting(StoredItem::recordId).doesNotContain(linkedPenalty, linkedEntry);
        }
        // the sharing platforms get the person record as the model shares a person's: with the ID number
        JsonNode shared = item(province.store(), linkedPenalty, 1).payload();
        assertThat(shared.toString()).as(shared.toString()).contains(REP_ID).contains(penalty)
                .contains("LEGAL_REPRESENTATIVE");
        assertThat(item(national.store(), linkedEntry, 1).payload().toString()).contains(listed);
        // 信用中国 never sees the number: not the linked records, and the organisation records only without it
        assertThat(creditchina.privacyScan()).as("personal ID numbers reaching 信用中国").isEmpty();
        assertThat(creditchina.store().data().toString()).doesNotContain(REP_ID);

        // the link, both ways, in the record views the department reads
        JsonNode orgView = view(penalty, "scjgj-demo-token");
        assertThat(orgView.path("legalRepLink").path("personRecordId").asText()).isEqualTo(linkedPenalty);
        JsonNode personView = view(linkedPenalty, "scjgj-demo-token");
        assertThat(personView.path("department").asText()).isEqualTo("gateway");
        assertThat(personView.path("legalRepLink").path("organisationRecordId").asText()).isEqualTo(penalty);
        assertThat(personView.path("legalRepLink").path("relation").asText()).isEqualTo("法定代表人");
        assertThat(personView.path("deliveries").findValuesAsText("upstream")).containsExactlyInAnyOrder("province",
                "national");
        assertThat(karaf.get("/records/" + linkedPenalty, "swj-demo-token").statusCode()).as("another department")
                .isEqualTo(404);

        // a correction of the fine: the holders get a second version of the linked record
        accepted("scjgj-demo-token", seriousPenalty().put("op", "UPDATE").put("recordId", penalty)
                .put("CF_NR", "罚款人民币3000元").put("CF_NR_FK", "0.3").toString());
        await("the linked record's update").atMost(SOON).until(() -> national.store().holds(linkedPenalty, 2)
                && province.store().holds(linkedPenalty, 2));
        assertThat(item(province.store(), linkedPenalty, 2).payload().toString()).contains("罚款人民币3000元");

        // the city credit office revokes the fine: the linked record is shielded wherever it is held
        var r = karaf.operator("POST", "/shields", Samples.json(Map.of("shieldId", "S-LR-REVOKED", "targetRecordId",
                penalty, "cause", "REVOKED", "decisionRef", "榕市监撤〔2026〕3号")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertComplete("S-LR-REVOKED", Set.of("creditchina", "gsxt", "national", "province"));
        JsonNode linkedProof = assertComplete(LegalRepLink.linkedShieldId("S-LR-REVOKED"), Set.of("national",
                "province"));
        assertThat(linkedProof.path("targetRecordId").asText()).isEqualTo(linkedPenalty);
        assertThat(linkedProof.path("cause").asText()).isEqualTo("REVOKED");
        assertThat(linkedProof.path("targetState").asText()).isEqualTo("SHIELDED");
        assertShielded(linkedPenalty, "REVOKED", List.of(national.store(), province.store()));

        // the province repairs the 黑名单 entry itself: the entry's shield goes to the others, never back to the
        // province; the linked record's shield goes to its holders, the province among them (it holds the person
        // record and learns of the link only from the gateway)
        RepairPush.Answer repaired = province.pushRepair(karaf.api("").toString(), ShieldPropagationIT.PROVINCE_TOKEN,
                RepairPush.Repair.ofRecord("HB-XF-88", listed, OffsetDateTime.parse("2026-11-20T09:00:00+08:00"),
                        "鄂信修〔2026〕88号"));
        assertThat(repaired.status()).as(String.valueOf(repaired.body())).isEqualTo(200);
        String entryShield = repaired.body().path("shieldId").asText();
        JsonNode entryProof = assertComplete(entryShield, Set.of("creditchina", "national"));
        assertThat(entryProof.path("origin").path("platform").asText()).isEqualTo("province");
        JsonNode linkedEntryProof = assertComplete(LegalRepLink.linkedShieldId(entryShield), Set.of("national",
                "province"));
        assertThat(linkedEntryProof.path("cause").asText()).isEqualTo("UPSTREAM_REPAIR");
        assertThat(linkedEntryProof.path("decisionRef").asText()).isEqualTo("鄂信修〔2026〕88号");
        assertShielded(linkedEntry, "UPSTREAM_REPAIR", List.of(national.store(), province.store()));
        assertThat(province.store().shields()).extracting(StoredItem::recordId).doesNotContain(listed);
        for (UpstreamStore published : List.of(creditchina.store(), gsxt.store())) {
            assertThat(published.shields()).extracting(StoredItem::recordId).doesNotContain(linkedPenalty,
                    linkedEntry);
        }
        for (UpstreamStore s : List.of(national.store(), province.store(), creditchina.store(), gsxt.store())) {
            assertThat(s.duplicateCount()).isZero();
        }
        assertThat(karaf.log()).as("the gateway's log").doesNotContain(REP_ID);
    }

    private static ObjectNode seriousPenalty() {
        return SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔2026〕501号"), LocalDate.of(2026, 11, 2))
                .put("severity", "严重").put("CF_FR_ZJLX", "身份证").put("CF_FR_ZJHM", REP_ID);
    }

    private static ObjectNode blackEntry() {
        return SampleRecords.load("LIST").put("legalRepIdType", "身份证").put("legalRepIdNo", REP_ID);
    }

    private String accepted(String token, String json) throws Exception {
        var r = karaf.post("/records", token, "application/json", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = Samples.JSON.readTree(r.body()).path("results").get(0);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
        return result.path("recordId").asText();
    }

    private JsonNode view(String recordId, String token) throws Exception {
        var r = karaf.get("/records/" + recordId, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body());
    }

    /** Every delivery of the record ACCEPTED (a linked record is read with its organisation's department's token). */
    private boolean allAccepted(String recordId, String token) throws Exception {
        List<String> states = view(recordId, token).path("deliveries").findValuesAsText("state");
        return !states.isEmpty() && states.stream().allMatch("ACCEPTED"::equals);
    }

    private static StoredItem item(UpstreamStore store, String recordId, int version) {
        return store.data().stream().filter(i -> i.recordId().equals(recordId) && i.version() == version)
                .findFirst().orElseThrow(() -> new AssertionError(recordId + ":" + version + " not received"));
    }

    private JsonNode assertComplete(String shieldId, Set<String> platforms) throws Exception {
        await(shieldId + " acknowledged by " + platforms).atMost(SOON).untilAsserted(() -> {
            JsonNode proof = proof(shieldId);
            assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
            assertThat(proof.path("platforms").findValuesAsText("upstream")).as(proof.toString())
                    .containsExactlyInAnyOrderElementsOf(platforms);
        });
        JsonNode proof = proof(shieldId);
        for (JsonNode p : proof.path("platforms")) {
            assertThat(p.path("state").asText()).as(p.toString()).isEqualTo("ACKED");
            assertThat(p.path("dispatchedAt").asText()).as(p.toString()).isNotBlank();
            assertThat(p.path("ackedAt").asText()).as(p.toString()).isNotBlank();
        }
        return proof;
    }

    private void assertShielded(String recordId, String cause, List<UpstreamStore> holders) {
        for (UpstreamStore s : holders) {
            assertThat(s.shields().stream().filter(i -> i.recordId().equals(recordId)).count()).isEqualTo(1);
            assertThat(s.holding(recordId)).get().satisfies(h -> {
                assertThat(h.shielded()).isTrue();
                assertThat(h.shieldCause()).isEqualTo(cause);
            });
        }
    }

    private JsonNode proof(String shieldId) throws Exception {
        var r = karaf.operator("GET", "/shields/" + shieldId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body());
    }
}
