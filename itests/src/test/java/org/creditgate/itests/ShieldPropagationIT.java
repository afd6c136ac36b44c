package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
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
 * Shields in a booted distribution with the four upstream simulators: for each cause and source (a department's
 * SHIELD, the operator API, an upstream's own repair pushed by the province simulator on the upstream channel), every platform holding the record receives the shield and
 * acknowledges it, a platform that never received the record (GSXT and a 简易程序 penalty; the platform the repair
 * came from) gets nothing, and the proof document lists each platform's dispatch and ack times. A version still
 * queued behind a closed push window when its shield arrives is never delivered afterwards (SUPPRESSED). A platform
 * down for longer than the ack SLA (seconds here) raises the alert and receives the shield once when it is back.
 */
class ShieldPropagationIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final List<String> ALL = List.of("creditchina", "gsxt", "national", "province");
    /** The province's demo token at the gateway (org.creditgate.upstreams.cfg). */
    static final String PROVINCE_TOKEN = "province-demo-token";

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private final NationalSimulator national = upstreams.national;
    private final ProvinceSimulator province = upstreams.province;
    private final CreditChinaSimulator creditchina = upstreams.creditchina;
    private GsxtSimulator gsxt;

    @Test
    void everyHolderGetsTheShieldOnceWithProofAndAQueuedVersionIsNeverSent() throws Exception {
        karaf = KarafInstance.fresh("shields");
        // SLAs in seconds instead of working days, so that an outage can outlast the ack SLA here
        karaf.editEtc("org.creditgate.core.cfg", "shield.dispatchSla = 1wd", "shield.dispatchSla = 10s");
        karaf.editEtc("org.creditgate.core.cfg", "shield.ackSla = 3wd", "shield.ackSla = 15s");
        karaf.editEtc("org.creditgate.core.cfg", "shield.resendEvery = 1d", "shield.resendEvery = 10s");
        karaf.editEtc("org.creditgate.core.cfg", "shield.checkMs = 600000", "shield.checkMs = 2000");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        gsxt = upstreams.connect(karaf).gsxt;
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        // six ordinary fines and one 简易程序 fine, which GSXT's regime never receives
        List<ObjectNode> records = new ArrayList<>(SamrSimulator.penalties(1, 6));
        records.add(SamrSimulator.penalty(7).put("procedure", "简易"));
        List<String> ids = Samples.accepted(bureau.push(records));
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> national.store().holds(id, 1)
                && province.store().holds(id, 1) && creditchina.store().holds(id, 1))
                && ids.subList(0, 6).stream().allMatch(id -> gsxt.store().holds(id, 1)));
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> states(id).stream()
                .allMatch("ACCEPTED"::equals)));
        assertThat(gsxt.store().holding(ids.get(6))).isEmpty();

        // one shield per cause, from every kind of source
        Map<String, String> shields = new LinkedHashMap<>();
        shields.put(departmentShield("xyb-demo-token", "S-REPAIR-1", ids.get(0), "REPAIR"), ids.get(0));
        shields.put(departmentShield("scjgj-demo-token", "S-REVOKED-1", ids.get(1), "REVOKED"), ids.get(1));
        shields.put(operatorShield("S-OBJ-1", ids.get(2), "OBJECTION_REVOKED"), ids.get(2));
        shields.put(operatorShield("S-LIST-1", ids.get(3), "LIST_REMOVED"), ids.get(3));
        shields.put(operatorShield("S-EXP-1", ids.get(4), "EXPIRED"), ids.get(4));
        // the province repaired one itself and tells the gateway on the upstream channel (UPSTREAM_REPAIR)
        shields.put(provinceRepair("S-UPSTREAM-1", ids.get(5)), ids.get(5));
        shields.put(operatorShield("S-COURT-1", ids.get(6), "COURT_DELETED"), ids.get(6));
        // the same shield again is the same shield: nothing new is sent
        assertThat(departmentShieldAnswer("xyb-demo-token", "S-REPAIR-1", ids.get(0), "REPAIR").path("status").asText())
                .isEqualTo("ALREADY_ACCEPTED");
        // a department may not shield another department's record, nor claim an upstream's repair
        JsonNode foreign = departmentShieldAnswer("swj-demo-token", "S-FOREIGN-1", ids.get(6), "REVOKED");
        assertThat(foreign.path("status").asText()).as(foreign.toString()).isEqualTo("REJECTED");
        assertThat(foreign.path("errors").findValuesAsText("code")).containsExactly("E_NOT_OWNER");
        JsonNode claimed = departmentShieldAnswer("scjgj-demo-token", "S-CLAIMED-1", ids.get(6), "UPSTREAM_REPAIR");
        assertThat(claimed.path("errors").findValuesAsText("code")).containsExactly("E_RESERVED");

        Map<String, Set<String>> expected = Map.of(
                "S-REPAIR-1", Set.copyOf(ALL), "S-REVOKED-1", Set.copyOf(ALL), "S-OBJ-1", Set.copyOf(ALL),
                "S-LIST-1", Set.copyOf(ALL), "S-EXP-1", Set.copyOf(ALL),
                // never back to the platform the repair came from
                "UP-province-S-UPSTREAM-1", Set.of("creditchina", "gsxt", "national"),
                // GSXT never received a 简易程序 penalty
                "S-COURT-1", Set.of("creditchina", "national", "province"));
        for (Map.Entry<String, String> s : shields.entrySet()) {
            String shieldId = s.getKey();
            await(shieldId + " acknowledged everywhere").atMost(SOON).untilAsserted(() -> {
                JsonNode proof = proof(shieldId);
                assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
                assertThat(proof.path("platforms").findValuesAsText("upstream")).as(proof.toString())
                        .containsExactlyInAnyOrderElementsOf(expected.get(shieldId));
            });
            JsonNode proof = proof(shieldId);
            assertThat(proof.path("targetState").asText()).isEqualTo("SHIELDED");
            for (JsonNode p : proof.path("platforms")) {
                assertThat(p.path("state").asText()).as(p.toString()).isEqualTo("ACKED");
                assertThat(p.path("dispatchedAt").asText()).as(p.toString()).isNotBlank();
                assertThat(p.path("ackedAt").asText()).as(p.toString()).isNotBlank();
                assertThat(p.path("receiptId").asText()).as(p.toString()).isNotBlank();
                assertThat(p.path("targetVersion").asInt()).isEqualTo(1);
            }
            String target = s.getValue();
            for (String upstream : ALL) {
                long received = store(upstream).shields().stream().filter(i -> i.recordId().equals(target)).count();
                assertThat(received).as("shields of %s at %s", shieldId, upstream)
                        .isEqualTo(expected.get(shieldId).contains(upstream) ? 1 : 0);
                if (received == 1) {
                    assertThat(store(upstream).holding(target)).get().satisfies(h -> {
                        assertThat(h.shielded()).isTrue();
                        assertThat(h.shieldCause()).isEqualTo(proof.path("cause").asText());
                    });
                }
            }
        }
        // the proof names the province as the origin of its repair, not as a platform it was sent to; the province
        // telling it again is the same shield, and a record the gateway never had is a 404
        JsonNode upstreamProof = proof("UP-province-S-UPSTREAM-1");
        assertThat(upstreamProof.path("cause").asText()).isEqualTo("UPSTREAM_REPAIR");
        assertThat(upstreamProof.path("source").asText()).isEqualTo("province");
        assertThat(upstreamProof.path("origin").path("platform").asText()).isEqualTo("province");
        RepairPush.Answer again = province.pushRepair(karaf.api("").toString(), PROVINCE_TOKEN, repair("S-UPSTREAM-1",
                ids.get(5)));
        assertThat(again.status()).as(String.valueOf(again.body())).isEqualTo(200);
        assertThat(again.body().path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        RepairPush.Answer unknown = province.pushRepair(karaf.api("").toString(), PROVINCE_TOKEN,
                repair("S-UPSTREAM-2", "no-such-record"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").asText()).isEqualTo("E_UNKNOWN_RECORD");
        assertThat(creditchina.privacyScan()).as("personal ID numbers reaching 信用中国").isEmpty();
        JsonNode pending = Samples.JSON.readTree(karaf.operator("GET", "/shields?pending=true", null).body());
        assertThat(pending.path("pending")).as(pending.toString()).isEmpty();

        // the province's window is closed: a new fine waits on its queue, and its shield arrives first
        int hour = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(12).getHour();
        karaf.pushWindows(Map.of("province", "schedule = 0 " + hour + " * * *\nwindow = 1h\nrealtime = UPDATE, SHIELD"));
        await().atMost(SOON).until(() -> "Stopped".equals(provinceSchedule().path("lanes")
                .path("envelope-province.lane-scheduled").asText()));
        String waiting = Samples.accepted(bureau.push(List.of(SamrSimulator.penalty(8)))).get(0);
        await().atMost(SOON).until(() -> national.store().holds(waiting, 1) && creditchina.store().holds(waiting, 1)
                && gsxt.store().holds(waiting, 1));
        assertThat(deliveryState(waiting, "province")).isEqualTo("QUEUED");
        operatorShield("S-QUEUED-1", waiting, "REPAIR");
        await().atMost(SOON).untilAsserted(() -> {
            JsonNode proof = proof("S-QUEUED-1");
            assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
            assertThat(proof.path("platforms").findValuesAsText("upstream")).as("the province never had it")
                    .containsExactlyInAnyOrder("creditchina", "gsxt", "national");
            assertThat(proof.path("suppressed").findValuesAsText("upstream")).containsExactly("province");
        });
        assertThat(deliveryState(waiting, "province")).isEqualTo("SUPPRESSED");

        // the window opens: the queue drains, the suppressed version is dropped, a later record still arrives
        karaf.pushWindows(Map.of());
        String after = Samples.accepted(bureau.push(List.of(SamrSimulator.penalty(9)))).get(0);
        await().atMost(SOON).until(() -> province.store().holds(after, 1));
        assertThat(provinceSchedule().path("open").asBoolean()).isTrue();
        // a scan of everything the province received: the shielded record never arrived
        assertThat(province.store().data()).extracting(StoredItem::recordId).doesNotContain(waiting);
        assertThat(province.store().shields()).extracting(StoredItem::recordId).doesNotContain(waiting);
        assertThat(province.store().holding(waiting)).isEmpty();
        assertThat(deliveryState(waiting, "province")).isEqualTo("SUPPRESSED");

        // the national platform is down for longer than the ack SLA: alert, then the shield once after recovery
        String held = Samples.accepted(bureau.push(List.of(SamrSimulator.penalty(10)))).get(0);
        await().atMost(SOON).until(() -> national.store().holds(held, 1));
        national.misbehaviour().outageFor(Duration.ofSeconds(30));
        operatorShield("S-OUTAGE-1", held, "REVOKED");
        await("the SLA alert").atMost(SOON).untilAsserted(() -> {
            JsonNode overdue = Samples.JSON.readTree(karaf.operator("GET", "/shields?overdue=true", null).body());
            assertThat(overdue.path("overdue")).as(overdue.toString()).anySatisfy(o -> {
                assertThat(o.path("shieldId").asText()).isEqualTo("S-OUTAGE-1");
                assertThat(o.path("upstream").asText()).isEqualTo("national");
                assertThat(o.path("alertedAt").asText()).isNotBlank();
            });
        });
        await("acknowledged after recovery").atMost(Duration.ofSeconds(150)).untilAsserted(() ->
                assertThat(proof("S-OUTAGE-1").path("complete").asBoolean()).isTrue());
        JsonNode nationalProof = proof("S-OUTAGE-1").path("platforms").findParents("upstream").stream()
                .filter(p -> p.path("upstream").asText().equals("national")).findFirst().orElseThrow();
        assertThat(nationalProof.path("alertedAt").asText()).as(nationalProof.toString()).isNotBlank();
        // any resent copy still queued behind the original is dropped, not delivered: give it time to try
        await().pollDelay(Duration.ofSeconds(5)).atMost(SOON).until(() -> true);
        assertThat(national.store().shields().stream().filter(i -> i.recordId().equals(held)).count())
                .as("shields of the record the national platform received").isEqualTo(1);
        for (UpstreamStore s : List.of(national.store(), province.store(), creditchina.store(), gsxt.store())) {
            assertThat(s.duplicateCount()).isZero();
        }
    }

    private JsonNode provinceSchedule() throws Exception {
        for (JsonNode s : Samples.JSON.readTree(karaf.operator("GET", "/schedules", null).body())) {
            if (s.path("upstream").asText().equals("province")) {
                return s;
            }
        }
        throw new AssertionError("no province schedule");
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

    private String departmentShield(String token, String shieldId, String target, String cause) throws Exception {
        JsonNode result = departmentShieldAnswer(token, shieldId, target, cause);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
        return shieldId;
    }

    private JsonNode departmentShieldAnswer(String token, String shieldId, String target, String cause)
            throws Exception {
        ObjectNode shield = Samples.JSON.createObjectNode().put("dataset", "SHIELD").put("shieldId", shieldId)
                .put("targetDataset", "PENALTY").put("targetRecordId", target).put("cause", cause)
                .put("effectiveAt", "2026-11-20T10:00:00+08:00").put("decisionRef", "榕信修〔2026〕" + shieldId);
        var r = karaf.post("/records", token, "application/json", shield.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body()).path("results").get(0);
    }

    /** The province's own repair, pushed to the gateway's upstream channel; returns the gateway's shield id. */
    private String provinceRepair(String provinceShieldId, String target) {
        RepairPush.Answer answer = province.pushRepair(karaf.api("").toString(), PROVINCE_TOKEN,
                repair(provinceShieldId, target));
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("ACCEPTED");
        return answer.body().path("shieldId").asText();
    }

    private static RepairPush.Repair repair(String provinceShieldId, String target) {
        return RepairPush.Repair.ofRecord(provinceShieldId, target, OffsetDateTime.parse("2026-11-20T09:00:00+08:00"),
                "鄂信修〔2026〕" + provinceShieldId);
    }

    private String operatorShield(String shieldId, String target, String cause) throws Exception {
        var r = karaf.operator("POST", "/shields", Samples.json(Map.of("shieldId", shieldId, "targetRecordId",
                target, "cause", cause, "decisionRef", "市信用办〔2026〕" + shieldId)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Samples.JSON.readTree(r.body()).path("result").path("status").asText()).as(r.body())
                .isEqualTo("ACCEPTED");
        return shieldId;
    }

    private List<String> states(String recordId) {
        try {
            return Samples.JSON.readTree(karaf.get("/records/" + recordId, "scjgj-demo-token").body())
                    .path("deliveries").findValuesAsText("state");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String deliveryState(String recordId, String upstream) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode d : Samples.JSON.readTree(karaf.get("/records/" + recordId, "scjgj-demo-token").body())
                .path("deliveries")) {
            if (d.path("upstream").asText().equals(upstream)) {
                out.add(d.path("state").asText());
            }
        }
        return String.join(",", out);
    }

}
