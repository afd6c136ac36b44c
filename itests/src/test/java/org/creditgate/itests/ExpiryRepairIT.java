package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Expiry and repair in a booted distribution with the four upstream simulators, dates relative to today (Beijing):
 * a 一般失信 penalty decided two years ago and held by every platform is EXPIRED by the expiry run (REST run-now) at
 * the platforms whose NDRC period (one year) has ended — province, national, 信用中国 — each of which acknowledges
 * it, while GSXT, whose 令第45号 period counts from its publication today, gets nothing; a second run (the shell
 * command) issues nothing. A repair applied before the minimum period is rejected with E_REPAIR_TOO_EARLY naming the
 * earliest date; an approved repair shields its penalty at every holder.
 */
class ExpiryRepairIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final List<String> ALL = List.of("creditchina", "gsxt", "national", "province");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private final NationalSimulator national = upstreams.national;
    private final ProvinceSimulator province = upstreams.province;
    private final CreditChinaSimulator creditchina = upstreams.creditchina;
    private GsxtSimulator gsxt;

    @Test
    void expiredPenaltiesAndApprovedRepairsAreShieldedAtEveryHolderThatAcksThem() throws Exception {
        karaf = KarafInstance.fresh("expiry");
        // no scheduled run racing the operator's run-now below
        karaf.editEtc("org.creditgate.core.cfg", "expiry.at = 02:00", "expiry.at = off");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        gsxt = upstreams.connect(karaf).gsxt;
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        // 一般失信 fines (¥2,000) decided two years ago, six months ago and ten days ago
        LocalDate oldDecided = TODAY.minusYears(2);
        LocalDate repairableDecided = TODAY.minusMonths(6);
        LocalDate recentDecided = TODAY.minusDays(10);
        List<String> ids = Samples.accepted(bureau.push(List.of(
                SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔旧〕1号"), oldDecided),
                SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔修〕2号"), repairableDecided),
                SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔新〕3号"), recentDecided))));
        String old = ids.get(0);
        String repairable = ids.get(1);
        String recent = ids.get(2);
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> ALL.stream().allMatch(u -> store(u).holds(id, 1))));
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> states(id).stream()
                .allMatch("ACCEPTED"::equals) && states(id).size() == ALL.size()));

        // the expiry run: only the old penalty, and only where NDRC applies
        var run = karaf.operator("POST", "/expiry/run", null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode summary = Samples.JSON.readTree(run.body());
        assertThat(summary.path("shieldsIssued").asInt()).as(summary.toString()).isEqualTo(1);
        assertThat(summary.path("failed").asInt()).isZero();
        JsonNode issued = summary.path("shields").get(0);
        assertThat(issued.path("recordId").asText()).isEqualTo(old);
        assertThat(issued.path("endedOn").asText()).isEqualTo(oldDecided.plusYears(1).toString());
        String expiredShield = issued.path("shieldId").asText();
        assertThat(expiredShield).isEqualTo("GW-EXPIRED-" + old + "-"
                + oldDecided.plusYears(1).toString().replace("-", ""));
        awaitAcknowledged(expiredShield, Set.of("creditchina", "national", "province"), "EXPIRED");
        assertThat(received(gsxt.store(), old)).as("GSXT's period runs from its own publication").isZero();
        assertThat(states(recent)).containsOnly("ACCEPTED");

        // run again from the shell: idempotent
        String again = karaf.client("creditgate:expire");
        assertThat(again).contains("0 EXPIRED shields issued").contains("0 failed");
        for (String upstream : List.of("creditchina", "national", "province")) {
            assertThat(received(store(upstream), old)).as(upstream).isEqualTo(1);
        }

        // a repair before the minimum period (3 months, 令第58号) is refused with the earliest date
        JsonNode early = repair("XF-EARLY", recent, TODAY.minusDays(1), null);
        assertThat(early.path("status").asText()).as(early.toString()).isEqualTo("REJECTED");
        assertThat(early.path("errors").get(0).path("code").asText()).isEqualTo("E_REPAIR_TOO_EARLY");
        assertThat(early.path("errors").get(0).path("message").asText()).as(early.toString())
                .contains("the earliest application date is " + recentDecided.plusMonths(3).plusDays(1));

        // an approved repair shields its penalty at every holder
        JsonNode approved = repair("XF-OK", repairable, TODAY.minusDays(5), TODAY.minusDays(1));
        assertThat(approved.path("status").asText()).as(approved.toString()).isEqualTo("ACCEPTED");
        awaitAcknowledged("GW-REPAIR-" + repairable, Set.copyOf(ALL), "REPAIR");
        assertThat(creditchina.privacyScan()).as("personal ID numbers reaching 信用中国").isEmpty();
        for (UpstreamStore s : List.of(national.store(), province.store(), creditchina.store(), gsxt.store())) {
            assertThat(s.duplicateCount()).isZero();
        }
    }

    private void awaitAcknowledged(String shieldId, Set<String> platforms, String cause) throws Exception {
        await(shieldId + " acknowledged").atMost(SOON).untilAsserted(() -> {
            JsonNode proof = proof(shieldId);
            assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
            assertThat(proof.path("platforms").findValuesAsText("upstream")).as(proof.toString())
                    .containsExactlyInAnyOrderElementsOf(platforms);
        });
        JsonNode proof = proof(shieldId);
        assertThat(proof.path("cause").asText()).isEqualTo(cause);
        assertThat(proof.path("targetState").asText()).isEqualTo("SHIELDED");
        for (JsonNode p : proof.path("platforms")) {
            assertThat(p.path("state").asText()).as(p.toString()).isEqualTo("ACKED");
            assertThat(p.path("dispatchedAt").asText()).as(p.toString()).isNotBlank();
            assertThat(p.path("ackedAt").asText()).as(p.toString()).isNotBlank();
            assertThat(p.path("receiptId").asText()).as(p.toString()).isNotBlank();
        }
        String target = proof.path("targetRecordId").asText();
        for (String upstream : platforms) {
            // each record here gets one shield: the platform received exactly that one
            assertThat(received(store(upstream), target)).as("%s at %s", shieldId, upstream).isEqualTo(1);
            assertThat(store(upstream).holding(target)).get().satisfies(h -> {
                assertThat(h.shielded()).isTrue();
                assertThat(h.shieldCause()).isEqualTo(cause);
            });
        }
    }

    private static long received(UpstreamStore store, String recordId) {
        return store.shields().stream().filter(i -> i.recordId().equals(recordId)).count();
    }

    private JsonNode repair(String repairId, String target, LocalDate appliedOn, LocalDate decidedOn)
            throws Exception {
        ObjectNode r = SampleRecords.load("REPAIR").put("repairId", repairId).put("targetRecordId", target)
                .put("appliedOn", appliedOn.toString());
        if (decidedOn == null) {
            r.remove(List.of("decision", "decidedOn", "decidingUnit", "decidingUnitUscc"));
        } else {
            r.put("decidedOn", decidedOn.toString());
        }
        var answer = karaf.post("/records", "xyb-demo-token", "application/json", r.toString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Samples.JSON.readTree(answer.body()).path("results").get(0);
    }

    private UpstreamStore store(String upstream) {
        return switch (upstream) {
            case "national" -> national.store();
            case "province" -> province.store();
            case "creditchina" -> creditchina.store();
            default -> gsxt.store();
        };
    }

    private JsonNode proof(String shieldId) throws Exception {
        var r = karaf.operator("GET", "/shields/" + shieldId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body());
    }

    private List<String> states(String recordId) {
        try {
            return Samples.JSON.readTree(karaf.get("/records/" + recordId, "scjgj-demo-token").body())
                    .path("deliveries").findValuesAsText("state");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
