package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A shield does not wait behind a backlog (domain.md §5.2, the real-time lane): the national platform answers
 * every call 100 ms late and 3,000 ordinary records are queued for it; shields of records it already holds reach
 * it while most of that backlog is still queued, and it acknowledges them. (The 100,000-record version with
 * latency percentiles is bench ShieldBacklogBench.)
 */
class ShieldPriorityIT {

    private static final int BACKLOG = 3_000;
    private static final int HELD = 3;

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final NationalSimulator national = new NationalSimulator().start(0);

    @Test
    void shieldsReachASlowUpstreamAheadOfItsBacklog() throws Exception {
        karaf = KarafInstance.fresh("shield-priority");
        // PENALTY goes to the national platform only, the one under test (the others would only add copies)
        karaf.editEtc("org.creditgate.routing.cfg", "province.datasets = LICENSE, PENALTY,", "province.datasets = LICENSE,");
        karaf.editEtc("org.creditgate.routing.cfg", "creditchina.datasets = LICENSE, PENALTY,",
                "creditchina.datasets = LICENSE,");
        karaf.editEtc("org.creditgate.routing.cfg", "gsxt.datasets = LICENSE, PENALTY,", "gsxt.datasets = LICENSE,");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.writeEtc("org.creditgate.connector.soap-national.cfg", "department = national\nendpoint = "
                + national.url() + "\n");
        karaf.installFeature("creditgate-connector-national");

        List<String> held = ingest(1, HELD);
        await("the records to be shielded are held").atMost(Duration.ofSeconds(60))
                .until(() -> held.stream().allMatch(id -> national.store().holds(id, 1)));

        national.misbehaviour().latency(Duration.ofMillis(100));
        List<String> backlog = new ArrayList<>();
        for (int first = 1_000; first < 1_000 + BACKLOG; first += 500) {
            backlog.addAll(ingest(first, 500));
        }
        // the fan-out has queued the last of them for the national platform (the ledger's delivery row)
        await("the backlog is queued").atMost(Duration.ofSeconds(60)).until(() -> backlog
                .subList(BACKLOG - 10, BACKLOG).stream().allMatch(id -> !deliveryStates(id, "national").isEmpty()));

        Map<String, Instant> issued = new LinkedHashMap<>();
        for (int i = 0; i < HELD; i++) {
            issued.put(held.get(i), Instant.now());
            var r = karaf.operator("POST", "/shields", Samples.json(Map.of("shieldId", "S-PRIO-" + i,
                    "targetRecordId", held.get(i), "cause", "REPAIR", "decisionRef", "市信用办〔2026〕PRIO-" + i)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        for (int i = 0; i < HELD; i++) {
            String shieldId = "S-PRIO-" + i;
            await(shieldId + " acknowledged").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode proof = proof(shieldId);
                assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
                assertThat(proof.path("platforms").findValuesAsText("upstream")).containsExactly("national");
                assertThat(proof.path("platforms").findValuesAsText("state")).containsExactly("ACKED");
            });
        }

        Set<String> backlogIds = new HashSet<>(backlog);
        List<StoredItem> arrivals = national.store().data();
        for (String target : held) {
            Instant arrived = national.store().shields().stream().filter(s -> s.recordId().equals(target))
                    .map(StoredItem::receivedAt).findFirst().orElseThrow();
            long before = arrivals.stream().filter(a -> backlogIds.contains(a.recordId())
                    && !a.receivedAt().isAfter(arrived)).count();
            long overtaking = arrivals.stream().filter(a -> backlogIds.contains(a.recordId())
                    && !a.receivedAt().isBefore(issued.get(target)) && !a.receivedAt().isAfter(arrived)).count();
            // at 100 ms a call the backlog drains at a few dozen records a second: a shield that queued behind it
            // would arrive after nearly all of it
            assertThat(BACKLOG - before).as("backlog records still queued when the shield of %s arrived", target)
                    .isGreaterThan(BACKLOG / 2);
            assertThat(overtaking).as("backlog records delivered between the shield's issue and its arrival")
                    .isLessThan(200);
        }
        assertThat(national.store().shields()).hasSize(HELD);
        assertThat(national.store().duplicateCount()).isZero();
    }

    private List<String> ingest(int first, int count) throws Exception {
        ObjectNode body = Samples.JSON.createObjectNode();
        body.putArray("records").addAll(SamrSimulator.penalties(first, count));
        var r = karaf.post("/records", "demo-token", "application/json", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode result : Samples.JSON.readTree(r.body()).path("results")) {
            assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
            ids.add(result.path("recordId").asText());
        }
        return ids;
    }

    private List<String> deliveryStates(String recordId, String upstream) {
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode d : Samples.JSON.readTree(karaf.get("/records/" + recordId, "demo-token").body())
                    .path("deliveries")) {
                if (d.path("upstream").asText().equals(upstream)) {
                    out.add(d.path("state").asText());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private JsonNode proof(String shieldId) throws Exception {
        var r = karaf.operator("GET", "/shields/" + shieldId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body());
    }
}
