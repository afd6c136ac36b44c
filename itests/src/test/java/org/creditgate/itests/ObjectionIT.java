package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.creditgate.simulators.upstream.core.StoredItem;
import org.creditgate.simulators.upstream.core.UpstreamStore;
import org.creditgate.simulators.upstream.creditchina.CreditChinaSimulator;
import org.creditgate.simulators.upstream.gsxt.GsxtSimulator;
import org.creditgate.simulators.upstream.national.NationalSimulator;
import org.creditgate.simulators.upstream.province.ProvinceSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The objection workflow (异议处理) in a booted distribution with the four upstream simulators: the city credit
 * office opens objections (operator API); the record is flagged (objectionPending, joint punishment suspended), the
 * province — the one platform taking the OBJECTION dataset — receives the status, the providing department pulls
 * what it must verify and by when; CONFIRMED clears the flag, REVOKED shields the record on every platform holding
 * it, with the proof; an objection forwarded before 春节 2025 is long overdue and alerted once.
 */
class ObjectionIT {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String PROVIDER_TOKEN = "scjgj-demo-token";

    @AutoClose
    private KarafInstance karaf;
    @AutoClose
    private final UpstreamSimulators upstreams = new UpstreamSimulators();
    private final NationalSimulator national = upstreams.national;
    private final ProvinceSimulator province = upstreams.province;
    private final CreditChinaSimulator creditchina = upstreams.creditchina;
    private GsxtSimulator gsxt;
    /** The alert webhook: records every POSTed alert. */
    private final List<String> webhookPosts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final com.sun.net.httpserver.HttpServer webhook = webhook(webhookPosts);
    @AutoClose
    private final AutoCloseable stopWebhook = () -> webhook.stop(0);

    @Test
    void openedObjectionsAreFlaggedSentToTheProvinceAndPulledAndTheirResultsClearOrShield() throws Exception {
        karaf = KarafInstance.fresh("objections");
        karaf.editEtc("org.creditgate.core.cfg", "objection.checkMs = 600000", "objection.checkMs = 2000");
        karaf.editEtc("org.creditgate.core.cfg", "alerts.webhook.url =", "alerts.webhook.url = http://127.0.0.1:"
                + webhook.getAddress().getPort() + "/hook");
        karaf.editEtc("org.creditgate.core.cfg", "alerts.webhook.classes =", "alerts.webhook.classes = "
                + "OBJECTION_OVERDUE");
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        gsxt = upstreams.connect(karaf).gsxt;
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj",
                PROVIDER_TOKEN);
        List<String> ids = Samples.accepted(bureau.push(SamrSimulator.penalties(1, 3)));
        await().atMost(SOON).until(() -> ids.stream().allMatch(id -> national.store().holds(id, 1)
                && province.store().holds(id, 1) && creditchina.store().holds(id, 1) && gsxt.store().holds(id, 1)));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String revokeRecord = open(objection("YY-IT-REVOKE", ids.get(0), today, today));
        String confirmRecord = open(objection("YY-IT-CONFIRM", ids.get(1), today, today));
        // forwarded to the provider on Friday before 春节 2025: due 2025-02-27, long past
        String lateRecord = open(objection("YY-IT-LATE", ids.get(2), "2025-01-23", "2025-01-24"));

        // the record is flagged, still published; the province (OBJECTION in its datasets) receives the status
        for (String id : ids) {
            JsonNode view = record(id);
            assertThat(view.path("objectionPending").asBoolean()).as(view.toString()).isTrue();
            assertThat(view.path("jointPunishmentSuspended").asBoolean()).isTrue();
            assertThat(view.path("state").asText()).isNotEqualTo("SHIELDED");
        }
        await().atMost(SOON).until(() -> List.of(revokeRecord, confirmRecord, lateRecord).stream()
                .allMatch(o -> province.store().holds(o, 1)));
        for (UpstreamStore other : List.of(national.store(), creditchina.store(), gsxt.store())) {
            assertThat(other.data()).extracting(StoredItem::dataset).doesNotContain("OBJECTION");
        }

        // the provider pulls what it must verify and by when; another department sees nothing of it
        JsonNode pulled = Samples.JSON.readTree(karaf.get("/objections?provider=me", PROVIDER_TOKEN).body());
        assertThat(pulled.path("objections").findValuesAsText("objectionId"))
                .containsExactlyInAnyOrder("YY-IT-REVOKE", "YY-IT-CONFIRM", "YY-IT-LATE");
        assertThat(pulled.path("objections").findParents("objectionId").stream()
                .filter(o -> o.path("objectionId").asText().equals("YY-IT-LATE")).findFirst().orElseThrow()
                .path("dueOn").asText()).isEqualTo("2025-02-27");
        assertThat(Samples.JSON.readTree(karaf.get("/objections", "swj-demo-token").body()).path("objections"))
                .isEmpty();

        // overdue: one alert, listed for operators and in the shell, still suspended
        await("the overdue alert").atMost(SOON).untilAsserted(() -> {
            JsonNode overdue = Samples.JSON.readTree(karaf.operator("GET", "/objections?overdue=true", null).body());
            assertThat(overdue.path("overdue")).as(overdue.toString()).singleElement().satisfies(o -> {
                assertThat(o.path("objectionId").asText()).isEqualTo("YY-IT-LATE");
                assertThat(o.path("overdueAlertedAt").asText()).isNotBlank();
                assertThat(o.path("jointPunishmentSuspended").asBoolean()).isTrue();
            });
        });
        assertThat(karaf.client("creditgate:objections --overdue")).contains("YY-IT-LATE", "2025-02-27")
                .doesNotContain("YY-IT-CONFIRM");
        // the WARN line may reach the file a moment after the ledger shows the alert (a CI run read it too early once)
        await("the overdue alert's log line").atMost(SOON)
                .until(() -> karaf.log().contains("ALERT objection overdue: objection YY-IT-LATE"));
        assertThat(karaf.log()).containsOnlyOnce("ALERT objection overdue: objection YY-IT-LATE");
        // the same alert as an event: listed by the alerts API, published to creditgate.alerts (nothing pending)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode alerts = Samples.JSON.readTree(karaf.operator("GET", "/alerts?class=OBJECTION_OVERDUE", null)
                    .body());
            assertThat(alerts.path("alerts")).as(alerts.toString()).singleElement().satisfies(a -> {
                assertThat(a.path("alertId").asText()).isEqualTo("objection-overdue:YY-IT-LATE");
                assertThat(a.path("subjectIds").get(0).asText()).isEqualTo("YY-IT-LATE");
                assertThat(a.path("message").asText()).startsWith("objection overdue: objection YY-IT-LATE");
            });
            assertThat(alerts.path("pendingPublish").asInt()).isZero();
        });
        await().atMost(SOON).until(() -> !webhookPosts.isEmpty());
        assertThat(webhookPosts).as("POSTed once, and only the configured class").singleElement().satisfies(body ->
                assertThat(Samples.JSON.readTree(body).path("alertId").asText())
                        .isEqualTo("objection-overdue:YY-IT-LATE"));

        // CONFIRMED (the provider, as its department): the flag clears; the province gets the result after the opening
        assertThat(result("YY-IT-CONFIRM", ids.get(1), "维持").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(record(ids.get(1)).path("objectionPending").asBoolean()).isFalse();
        assertThat(record(ids.get(1)).path("jointPunishmentSuspended").asBoolean()).isFalse();
        await().atMost(SOON).until(() -> province.store().holds(confirmRecord, 2));
        assertThat(seq(province.store(), confirmRecord, 1)).isLessThan(seq(province.store(), confirmRecord, 2));

        // REVOKED: the gateway shields the record on every platform holding it, with the proof
        assertThat(result("YY-IT-REVOKE", ids.get(0), "撤销").path("status").asText()).isEqualTo("ACCEPTED");
        String shieldId = "GW-OBJECTION_REVOKED-" + ids.get(0);
        await(shieldId + " acknowledged everywhere").atMost(SOON).untilAsserted(() -> {
            var r = karaf.operator("GET", "/shields/" + shieldId, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode proof = Samples.JSON.readTree(r.body());
            assertThat(proof.path("complete").asBoolean()).as(proof.toString()).isTrue();
            assertThat(proof.path("cause").asText()).isEqualTo("OBJECTION_REVOKED");
            assertThat(proof.path("platforms").findValuesAsText("upstream"))
                    .containsExactlyInAnyOrder("province", "national", "creditchina", "gsxt");
            for (JsonNode p : proof.path("platforms")) {
                assertThat(p.path("state").asText()).as(p.toString()).isEqualTo("ACKED");
                assertThat(p.path("dispatchedAt").asText()).isNotBlank();
                assertThat(p.path("ackedAt").asText()).isNotBlank();
            }
        });
        for (UpstreamStore s : List.of(national.store(), province.store(), creditchina.store(), gsxt.store())) {
            assertThat(s.shields().stream().filter(i -> i.recordId().equals(ids.get(0))).count()).isEqualTo(1);
            assertThat(s.holding(ids.get(0))).get().satisfies(h -> assertThat(h.shielded()).isTrue());
        }
        JsonNode revoked = record(ids.get(0));
        assertThat(revoked.path("state").asText()).isEqualTo("SHIELDED");
        assertThat(revoked.path("objectionPending").asBoolean()).isFalse();
        // at the province the objection's result arrives before the shield it set off
        await().atMost(SOON).until(() -> province.store().holds(revokeRecord, 2));
        long shieldSeq = province.store().shields().stream().filter(i -> i.recordId().equals(ids.get(0)))
                .findFirst().orElseThrow().seq();
        assertThat(seq(province.store(), revokeRecord, 2)).isLessThan(shieldSeq);

        // a result for an objection already verified is refused and kept
        assertThat(result("YY-IT-CONFIRM", ids.get(1), "撤销").path("errors").findValuesAsText("code"))
                .containsExactly("E_STATE");
        for (UpstreamStore s : List.of(national.store(), province.store(), creditchina.store(), gsxt.store())) {
            assertThat(s.duplicateCount()).isZero();
        }
    }

    private static ObjectNode objection(String objectionId, String target, String submittedOn, String forwardedOn) {
        return Samples.JSON.createObjectNode().put("objectionId", objectionId).put("targetRecordId", target)
                .put("applicant", "福州某某科技有限公司").put("claim", "处罚事实认定有误")
                .put("submittedOn", submittedOn).put("forwardedOn", forwardedOn)
                .put("providerUnit", "福州市市场监督管理局").put("providerUnitUscc", "11350100003000014R");
    }

    private String open(ObjectNode objection) throws Exception {
        var r = karaf.operator("POST", "/objections", objection.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = Samples.JSON.readTree(r.body());
        assertThat(answer.path("result").path("status").asText()).as(r.body()).isEqualTo("ACCEPTED");
        return answer.path("result").path("recordId").asText();
    }

    private JsonNode result(String objectionId, String target, String result) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        ObjectNode update = objection(objectionId, target, today, today).put("dataset", "OBJECTION")
                .put("targetDataset", "PENALTY").put("op", "UPDATE").put("result", result).put("resultOn", today);
        var r = karaf.post("/records", PROVIDER_TOKEN, "application/json", update.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body()).path("results").get(0);
    }

    private JsonNode record(String id) throws Exception {
        return Samples.JSON.readTree(karaf.get("/records/" + id, PROVIDER_TOKEN).body());
    }

    private static long seq(UpstreamStore store, String recordId, int version) {
        return store.data().stream().filter(i -> i.recordId().equals(recordId) && i.version() == version)
                .findFirst().orElseThrow().seq();
    }


    private static com.sun.net.httpserver.HttpServer webhook(List<String> posts) {
        try {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                posts.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
