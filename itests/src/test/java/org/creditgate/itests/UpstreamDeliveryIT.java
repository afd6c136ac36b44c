package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Records pushed by a department reach all four upstream simulators through their sink connectors in a booted
 * distribution — province (REST, asynchronous receipts), national (SOAP), creditchina (public projection) and GSXT
 * (files): receipts in the ledger, GSXT's regime applied, no personal ID number ever reaching 信用中国, an outage
 * window survived with every record delivered exactly once and in per-subject order, and a refused record
 * dead-lettered with its reason and replayed once the rule is lifted.
 */
class UpstreamDeliveryIT {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private final NationalSimulator national = upstreams.national;
    private final ProvinceSimulator province = upstreams.province;
    private final CreditChinaSimulator creditchina = upstreams.creditchina;
    private GsxtSimulator gsxt;

    @Test
    void recordsReachTheUpstreamsOnceWithReceiptsThroughOutageAndReplay() throws Exception {
        karaf = KarafInstance.fresh("upstreams").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        gsxt = upstreams.connect(karaf).gsxt;
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        // ten ordinary fines, one 简易程序 fine (GSXT's regime excludes it) and one against a natural person
        List<ObjectNode> first = new ArrayList<>(SamrSimulator.penalties(1, 10));
        first.add(SamrSimulator.penalty(11).put("procedure", "简易"));
        first.add(SampleRecords.decidedOn(SampleRecords.personPenalty("榕市监罚〔2026〕12号", SampleRecords.CITIZEN_ID),
                java.time.LocalDate.of(2026, 11, 2)));
        List<String> ids = Samples.accepted(bureau.push(first));
        await().atMost(DELIVERED).until(() -> national.store().holdings().size() == 12
                && province.store().holdings().size() == 12 && creditchina.store().holdings().size() == 12
                && gsxt.store().holdings().size() == 11);
        assertThat(creditchina.privacyScan()).as("personal ID numbers reaching 信用中国").isEmpty();
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(karaf.connector("soap-national").path("metrics")
                .path("accepted").asLong()).as("the national sink's counters").isEqualTo(12));
        assertThat(creditchina.payloadsReceived()).isGreaterThanOrEqualTo(12);
        JsonNode lineage = Samples.JSON.readTree(karaf.get("/records/" + ids.get(0), "scjgj-demo-token").body());
        assertThat(lineage.path("deliveries")).anySatisfy(d -> {
            assertThat(d.path("upstream").asText()).isEqualTo("national");
            assertThat(d.path("state").asText()).isEqualTo("ACCEPTED");
            assertThat(d.path("receiptId").asText()).isNotBlank();
        });
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(Samples.JSON.readTree(karaf.get("/records/"
                + ids.get(0), "scjgj-demo-token").body()).path("deliveries").findValuesAsText("state"))
                .as("national, province (async receipt), creditchina, gsxt (receipt file)")
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"));

        // the national platform is down for a while: everything pushed meanwhile arrives once it is back
        national.misbehaviour().outageFor(Duration.ofSeconds(8));
        List<String> during = Samples.accepted(bureau.push(SamrSimulator.penalties(100, 5)));
        await().atMost(DELIVERED).until(() -> during.stream().allMatch(id -> national.store().holdings().containsKey(id)));
        for (String id : during) {
            assertThat(national.store().timesReceived(id, 1)).as("times %s reached the national platform", id).isEqualTo(1);
        }
        assertThat(national.store().duplicateCount()).isZero();
        List<String> arrival = national.store().arrivalsOf("91350100M000100Y43").stream()
                .map(i -> i.recordId()).filter(during::contains).toList();
        assertThat(arrival).as("per-subject order kept through the outage").containsExactlyElementsOf(during);

        // a rule at the national platform refuses one record: dead-lettered with the reason, replayed once lifted
        national.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "decisionDocNo",
                SamrSimulator.penalty(200).path("CF_WSH").asText(), "E_RULE"));
        String refused = Samples.accepted(bureau.push(SamrSimulator.penalties(200, 1))).get(0);
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(Samples.JSON.readTree(karaf.operator("GET",
                "/dlq/national", null).body()).path("letters")).singleElement().satisfies(l -> {
                    assertThat(l.path("recordId").asText()).isEqualTo(refused);
                    assertThat(l.path("errorClass").asText()).isEqualTo("VALIDATION");
                    assertThat(l.path("reason").asText()).contains("E_RULE");
                }));
        national.misbehaviour().clearRejectRules();
        JsonNode replay = Samples.JSON.readTree(karaf.operator("POST", "/dlq/national/replay",
                Samples.json(Map.of("reason", "rule lifted by the national platform", "dryRun", false))).body());
        assertThat(replay.path("replayed").asInt()).as(replay.toString()).isEqualTo(1);
        await().atMost(DELIVERED).until(() -> national.store().holdings().containsKey(refused));
        assertThat(national.store().timesReceived(refused, 1)).as("held once, after the replay").isEqualTo(1);
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(Samples.JSON.readTree(karaf.get("/records/" + refused,
                "scjgj-demo-token").body()).path("deliveries")).anySatisfy(d -> {
                    assertThat(d.path("upstream").asText()).isEqualTo("national");
                    assertThat(d.path("state").asText()).isEqualTo("ACCEPTED");
                }));
        assertThat(Samples.JSON.readTree(karaf.operator("GET", "/dlq/national", null).body()).path("letters")).isEmpty();
    }

}
