package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.model.Masking;
import org.creditgate.simulators.upstream.core.RejectRule;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Every {@code creditgate:*} command run in a booted gateway with the four upstream simulators, through
 * {@code bin/client} as an operator would, each checked for real content: ids, states, counts, receipts. Read-only
 * commands share one client session (a JVM start each would double the test's time).
 */
class ShellCommandsIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String SEPARATOR = "SHELL-IT-NEXT-COMMAND";

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();

    @Test
    void everyCommandShowsWhatTheGatewayHolds() throws Exception {
        karaf = KarafInstance.fresh("shell").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        upstreams.connect(karaf);
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                "scjgj-demo-token");
        List<ObjectNode> records = new ArrayList<>(SamrSimulator.penalties(1, 2));
        records.add(Samples.personPenalty("榕市监罚〔2026〕31号", Samples.VALID_ID));
        List<String> ids = Samples.accepted(bureau.push(records));
        String person = ids.get(2);
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> states(id).size() == 4
                && states(id).stream().allMatch("ACCEPTED"::equals)));
        String receipt = delivery(ids.get(0), "national").path("receiptId").asText();
        String batch = delivery(ids.get(0), "province").path("batchId").asText();
        operatorShield("S-SHELL-1", ids.get(1));
        await().atMost(SOON).until(() -> Samples.JSON.readTree(karaf.operator("GET", "/shields/S-SHELL-1", null)
                .body()).path("complete").asBoolean());

        List<String> out = run("creditgate:connectors", "creditgate:upstreams", "creditgate:lineage " + ids.get(0),
                "creditgate:lineage --subject " + Samples.VALID_ID,
                "creditgate:lineage --subject " + Masking.idNo(Samples.VALID_ID), "creditgate:shield S-SHELL-1",
                "creditgate:pause --help", "creditgate:objections --all", "creditgate:expire");
        assertThat(row(out.get(0), "rest-scjgj")).contains("SOURCE", "scjgj", "RUNNING", " 3 ");
        assertThat(row(out.get(0), "soap-national")).contains("SINK", "national", "RUNNING");
        assertThat(out.get(0)).contains("5 connector(s)");
        // three records and the shield, each acknowledged
        assertThat(row(out.get(1), "national")).contains("soap-national", "RUNNING", "scheduled=Started",
                "realtime=Started", "always", "ACCEPTED=4");
        assertThat(row(out.get(1), "province")).contains("envelope-province", "ACCEPTED=4");
        assertThat(out.get(2)).contains("Record " + ids.get(0) + " [PENALTY] QUEUED, version 1",
                "department: scjgj, channel: rest-scjgj", "USCC 91350100M000100Y43", "RECEIVED_VALID", receipt, batch)
                .contains("Shields: none", "Objections: none");
        assertThat(row(out.get(2), "national")).contains("ACCEPTED", receipt);
        assertThat(out.get(3)).contains("1 record(s) of subject key P:", person,
                "ID " + Masking.idNo(Samples.VALID_ID)).doesNotContain(ids.get(0));
        assertThat(out.get(4)).contains("masked ID number cannot be searched");
        assertThat(out.get(5)).contains("Shield S-SHELL-1 (REPAIR) of record " + ids.get(1), "SHIELDED",
                "Complete: acknowledged by all 4 platform(s)");
        for (String upstream : UpstreamSimulators.ALL) {
            assertThat(row(out.get(5), upstream)).contains("ACKED");
        }
        assertThat(out.get(6)).contains("DESCRIPTION", "creditgate:pause", "Connector id", "upstream id");
        assertThat(out.get(7)).contains("0 objection(s)");
        assertThat(out.get(8)).contains("Expiry for", "records scanned", "0 EXPIRED shields issued");
        assertThat(String.join("", out)).doesNotContain(Samples.VALID_ID);

        // an upstream paused: its record waits on the queue, a drain refuses, resume and drain deliver it
        assertThat(karaf.client("creditgate:pause national")).contains("Upstream national PAUSED",
                "soap-national.lane-scheduled");
        String waiting = Samples.accepted(bureau.push(SamrSimulator.penalties(40, 1))).get(0);
        await().atMost(SOON).until(() -> upstreams.province.store().holds(waiting, 1));
        assertThat(delivery(waiting, "national").path("state").asText()).isEqualTo("QUEUED");
        out = run("creditgate:upstreams", "creditgate:drain --timeout 2 national");
        assertThat(row(out.get(0), "national")).contains("PAUSED", "scheduled=Stopped", "QUEUED=1");
        assertThat(out.get(1)).contains("Upstream national cannot drain", "creditgate:resume national");
        assertThat(upstreams.national.store().holds(waiting, 1)).isFalse();
        out = run("creditgate:resume national", "creditgate:drain --timeout 60 --every 200 national");
        assertThat(out.get(0)).contains("Upstream national RESUMED", "soap-national.lane-scheduled=Started");
        assertThat(out.get(1)).contains("Upstream national drained in", "QUEUED in the ledger 0, in flight 0");
        assertThat(upstreams.national.store().holds(waiting, 1)).isTrue();

        // a connector paused takes no pushes until resumed; a drained source stays paused
        out = run("creditgate:pause rest-scjgj", "creditgate:connectors");
        assertThat(out.get(0)).contains("Connector rest-scjgj PAUSED");
        assertThat(row(out.get(1), "rest-scjgj")).contains("PAUSED");
        assertThat(bureau.push(SamrSimulator.penalties(41, 1)).status()).isEqualTo(404);
        assertThat(karaf.client("creditgate:resume rest-scjgj")).contains("Connector rest-scjgj RUNNING");
        Samples.accepted(bureau.push(SamrSimulator.penalties(42, 1)));
        out = run("creditgate:drain rest-scjgj", "creditgate:resume rest-scjgj");
        assertThat(out.get(0)).contains("Connector rest-scjgj drained: PAUSED");
        assertThat(out.get(1)).contains("RUNNING");

        // a refused record: listed in the DLQ with its reason, replayed once the rule is lifted, reconciled
        upstreams.national.misbehaviour().reject(RejectRule.fieldEquals("PENALTY", "decisionDocNo",
                SamrSimulator.penalty(50).path("CF_WSH").asText(), "E_RULE"));
        String refused = Samples.accepted(bureau.push(SamrSimulator.penalties(50, 1))).get(0);
        await().atMost(SOON).until(() -> karaf.client("creditgate:dlq national").contains(refused));
        String dlq = karaf.client("creditgate:dlq national");
        assertThat(row(dlq, refused)).contains("VALIDATION", "E_RULE");
        assertThat(dlq).contains("1 letter(s) in creditgate.dlq.national");
        upstreams.national.misbehaviour().clearRejectRules();
        out = run("creditgate:dlq-replay --reason \"rule lifted\" national",
                "creditgate:dlq-replay --reason \"rule lifted\" --execute national");
        assertThat(out.get(0)).contains("Dry run: 1 matching, 0 moved");
        assertThat(out.get(1)).contains("Replayed: 1 matching, 1 moved back to creditgate.upstream.national");
        await().atMost(SOON).until(() -> "ACCEPTED".equals(delivery(refused, "national").path("state").asText()));
        assertThat(karaf.client("creditgate:reconcile national")).contains("national at", "missing 0", "version mismatch 0");
    }

    /** Runs the commands in one client session; one output per command. */
    private List<String> run(String... commands) throws Exception {
        String script = String.join("\necho " + SEPARATOR + "\n", commands);
        List<String> out = Arrays.asList(karaf.client(script).split(SEPARATOR + "\\R?", -1));
        assertThat(out).as(String.join("\n", out)).hasSize(commands.length);
        return out;
    }

    /** The line of a table that names {@code key}. */
    private static String row(String table, String key) {
        return table.lines().filter(l -> l.contains(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + key + " in\n" + table));
    }

    private List<String> states(String recordId) {
        try {
            return List.copyOf(karaf.deliveryStates(recordId, "scjgj-demo-token").values());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode delivery(String recordId, String upstream) throws Exception {
        return karaf.delivery(recordId, upstream, "scjgj-demo-token");
    }

    private void operatorShield(String shieldId, String target) throws Exception {
        var r = karaf.operator("POST", "/shields", Samples.json(Map.of("shieldId", shieldId, "targetRecordId",
                target, "cause", "REPAIR", "decisionRef", "市信用办〔2026〕" + shieldId)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

}
