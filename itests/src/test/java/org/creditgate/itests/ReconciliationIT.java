package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation end to end in a booted distribution: the national platform (SOAP) acknowledges two records but
 * silently drops them, and holds one the gateway never sent. Reconciliation reports exactly those three
 * discrepancies (JSON, CSV, HTML), resends the two missing ones — held exactly once afterwards — and alerts the
 * unknown one; the next run finds only the record unknown to us.
 */
class ReconciliationIT {

    private static final Duration DELIVERED = Duration.ofSeconds(60);

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final NationalSimulator national = new NationalSimulator().start(0);

    @Test
    void droppedRecordsAreFoundAndResentAndAPhantomIsAlerted() throws Exception {
        karaf = KarafInstance.fresh("reconciliation").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        karaf.writeEtc("org.creditgate.connector.soap-national.cfg", "department = national\nendpoint = "
                + national.url() + "\n");
        karaf.installFeature("creditgate-connector-national");
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");

        List<ObjectNode> penalties = SamrSimulator.penalties(300, 5);
        Set<String> droppedDocs = Set.of(penalties.get(1).path("CF_WSH").asText(),
                penalties.get(3).path("CF_WSH").asText());
        national.misbehaviour().drop(item -> droppedDocs.contains(item.field("decisionDocNo")));
        List<String> ids = Samples.accepted(bureau.push(new ArrayList<>(penalties)));
        List<String> dropped = List.of(ids.get(1), ids.get(3));
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(national.store().dropped()).hasSize(2));
        await().atMost(DELIVERED).until(() -> national.store().holdings().size() == 3);
        await().atMost(DELIVERED).untilAsserted(() -> assertThat(karaf.connector("soap-national").path("metrics")
                .path("accepted").asLong()).as("acknowledged, dropped ones included").isEqualTo(5));
        national.misbehaviour().reset();
        national.store().addPhantom("phantom-0001", 2, "PENALTY", Instant.now());

        HttpResponse<String> run = karaf.operator("POST", "/reconciliation/national/run", null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode report = Samples.JSON.readTree(run.body());
        assertThat(report.path("status").asText()).isEqualTo("COMPLETE");
        List<String> found = new ArrayList<>();
        report.path("discrepancies").forEach(d -> found.add(d.path("recordId").asText() + " " + d.path("kind").asText()
                + " " + d.path("action").asText()));
        assertThat(found).containsExactlyInAnyOrder(dropped.get(0) + " MISSING RESENT",
                dropped.get(1) + " MISSING RESENT", "phantom-0001 UNKNOWN_TO_US ALERTED");
        JsonNode totals = report.path("totals");
        assertThat(totals.path("sent").asInt()).isEqualTo(5);
        assertThat(totals.path("accepted").asInt()).isEqualTo(5);
        assertThat(totals.path("held").asInt()).isEqualTo(4);
        assertThat(totals.path("missing").asInt()).isEqualTo(2);
        assertThat(totals.path("unknownToUs").asInt()).isEqualTo(1);
        assertThat(totals.path("resent").asInt()).isEqualTo(2);
        assertThat(report.path("alerts")).singleElement().satisfies(a -> assertThat(a.asText()).contains("phantom-0001"));

        // the resends repair the missing ones: held, exactly once
        await().atMost(DELIVERED).until(() -> dropped.stream().allMatch(id -> national.store().holdings()
                .containsKey(id)));
        for (String id : dropped) {
            assertThat(national.store().data().stream().filter(i -> i.recordId().equals(id)).count())
                    .as("%s stored by the national platform", id).isEqualTo(1);
        }
        assertThat(national.store().holdings()).hasSize(6);

        // the kept report, as JSON (latest of every upstream), CSV and HTML
        JsonNode latest = Samples.JSON.readTree(karaf.operator("GET", "/reconciliation", null).body());
        assertThat(latest.path("reports")).anySatisfy(r -> assertThat(r.path("upstream").asText()).isEqualTo("national"));
        HttpResponse<String> csv = karaf.operator("GET", "/reconciliation/national?format=csv", null);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains("\"" + dropped.get(0) + "\",\"MISSING\"", "\"phantom-0001\",\"UNKNOWN_TO_US\"");
        HttpResponse<String> html = karaf.operator("GET", "/reconciliation/national?format=html", null);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("<td>" + dropped.get(1) + "</td>", "<td>UNKNOWN_TO_US</td>",
                "Discrepancies (3)");

        // once the resends are acknowledged, the next run (from the shell) finds only the record unknown to us
        await().atMost(DELIVERED).untilAsserted(() -> {
            for (String id : dropped) {
                assertThat(Samples.JSON.readTree(karaf.get("/records/" + id, "scjgj-demo-token").body())
                        .path("deliveries")).anySatisfy(d -> {
                            assertThat(d.path("upstream").asText()).isEqualTo("national");
                            assertThat(d.path("state").asText()).isEqualTo("ACCEPTED");
                        });
            }
        });
        String shell = karaf.client("creditgate:reconcile national");
        assertThat(shell).contains("national at", "missing 0", "unknown to us 1", "phantom-0001");
        JsonNode second = Samples.JSON.readTree(karaf.operator("GET", "/reconciliation/national", null).body());
        assertThat(second.path("discrepancies")).singleElement()
                .satisfies(d -> assertThat(d.path("recordId").asText()).isEqualTo("phantom-0001"));
        assertThat(karaf.operator("GET", "/reconciliation/province", null).statusCode()).isEqualTo(404);
    }

}
