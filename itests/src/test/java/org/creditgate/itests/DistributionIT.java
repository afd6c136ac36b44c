package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Boots the distribution as an operator would (README start command does the same) and pushes the worked examples
 * of domain.md through the real HTTP endpoint.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    @AutoClose
    private static KarafInstance karaf;
    private static Duration bootTime;

    @BeforeAll
    static void boot() throws Exception {
        karaf = KarafInstance.fresh("distribution").start();
        bootTime = karaf.awaitHealthy(Duration.ofSeconds(60));
        System.out.println("[DistributionIT] first boot to health UP: " + bootTime.toMillis() + " ms");
    }

    @Test
    @Order(1)
    void healthListsEveryComponentUp() throws Exception {
        HttpResponse<String> r = karaf.get("/health", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode health = Samples.JSON.readTree(r.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").findValuesAsText("component"))
                .containsExactlyInAnyOrder("ledger", "broker", "disk", "routes", "routing", "cluster", "connector:rest-scjgj");
        assertThat(health.path("components").findValuesAsText("state")).containsOnly("UP");
    }

    @Test
    @Order(2)
    void readyLineNamesTheApi() {
        // the line is written by a watcher that checks health once a second, so it may trail the first UP answer
        String line = "CreditGate ready: API at http://127.0.0.1:" + karaf.httpPort + "/api/v1";
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(karaf.log()).contains(line));
    }

    @Test
    @Order(3)
    void clientShowsGatewayFeaturesInstalled() throws Exception {
        String out = karaf.client("feature:list -i");
        assertThat(out).contains("creditgate-core", "creditgate-broker", "creditgate-camel", "creditgate-ledger");
        assertThat(out.lines().filter(l -> l.startsWith("creditgate ")).findFirst())
                .hasValueSatisfying(l -> assertThat(l).contains("Started"));
    }

    @Test
    @Order(4)
    void workedExamplesGiveTheDocumentedResults() throws Exception {
        ObjectNode goodOrg = Samples.orgPenalty("榕市监罚〔2026〕1001号");
        ObjectNode badCheckChar = Samples.orgPenalty("榕市监罚〔2026〕1002号");
        badCheckChar.put("CF_XDR_SHXYM", "91350100M000100Y4Z");
        ObjectNode person = Samples.personPenalty("榕市监罚〔2026〕1003号", Samples.VALID_ID);
        ObjectNode blankDocNo = Samples.orgPenalty("");

        JsonNode answer = push(Map.of("records", List.of(goodOrg, badCheckChar, person, blankDocNo)));

        assertThat(answer.path("received").asInt()).isEqualTo(4);
        JsonNode results = answer.path("results");
        assertThat(results.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).path("recordId").asText()).isNotBlank();
        assertThat(results.get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("errors").get(0).path("code").asText()).isEqualTo("E_USCC_CHARSET");
        assertThat(results.get(1).path("errors").get(0).path("field").asText()).isEqualTo("CF_XDR_SHXYM");
        assertThat(results.get(2).path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(3).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(3).findValuesAsText("code")).contains("E_REQUIRED");
        assertThat(results.get(3).path("errors").findValuesAsText("field")).contains("CF_WSH");

        // the accepted record is in the ledger, queued for delivery, with its history
        String recordId = results.get(0).path("recordId").asText();
        HttpResponse<String> stored = karaf.get("/records/" + recordId, KarafInstance.DEMO_TOKEN);
        assertThat(stored.statusCode()).isEqualTo(200);
        JsonNode record = Samples.JSON.readTree(stored.body());
        assertThat(record.path("state").asText()).isEqualTo("QUEUED");
        assertThat(record.path("dataset").asText()).isEqualTo("PENALTY");
        assertThat(record.path("history").findValuesAsText("event")).contains("QUEUED");

        // both rejections are kept for the department, payload and errors
        JsonNode rejections = Samples.JSON.readTree(
                karaf.get("/rejections?department=demo", KarafInstance.DEMO_TOKEN).body()).path("rejections");
        assertThat(rejections.findValuesAsText("code")).contains("E_USCC_CHARSET", "E_REQUIRED");
    }

    @Test
    @Order(5)
    void identicalResendIsAlreadyAccepted() throws Exception {
        ObjectNode record = Samples.orgPenalty("榕市监罚〔2026〕1101号");
        JsonNode first = push(record).path("results").get(0);
        JsonNode again = push(record).path("results").get(0);
        assertThat(first.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(again.path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(again.path("recordId").asText()).isEqualTo(first.path("recordId").asText());
        assertThat(again.path("version").asInt()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void wrongTokenIs401AndStoresNothing() throws Exception {
        int before = rejectionCount();
        HttpResponse<String> r = karaf.post("/records", "not-a-token", "application/json",
                Samples.json(Samples.orgPenalty("")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("UNAUTHENTICATED");
        assertThat(karaf.post("/records", null, "application/json", "{}").statusCode()).isEqualTo(401);
        assertThat(rejectionCount()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void malformedInputGetsAClearErrorNotAStackTrace() throws Exception {
        HttpResponse<String> broken = karaf.post("/records", KarafInstance.DEMO_TOKEN, "application/json",
                "{\"CF_WSH\": \"x\",");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Samples.JSON.readTree(broken.body()).path("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(broken.body()).doesNotContain("Exception", "at org.");

        HttpResponse<String> wrongType = karaf.post("/records", KarafInstance.DEMO_TOKEN, "text/csv", "a,b");
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    @Order(7)
    void shellCommandsShowConnectorsAndDeadLetters() throws Exception {
        assertThat(karaf.client("creditgate:connectors")).contains("rest-scjgj").contains("SOURCE").contains("RUNNING");
        assertThat(karaf.client("creditgate:dlq province")).contains("0 letter(s) in creditgate.dlq.province");
        // Karaf shell: options before arguments
        assertThat(karaf.client("creditgate:dlq-replay --reason \"shell test\" province"))
                .contains("Dry run: 0 matching, 0 moved back to creditgate.upstream.province");
        assertThat(karaf.client("creditgate:dlq-replay --help")).contains("--execute").contains("--reason");
    }

    @Test
    @Order(8)
    void personalIdNumbersNeverReachTheLog() throws Exception {
        assertThat(karaf.log()).doesNotContain(Samples.VALID_ID);
    }

    @Test
    @Order(9)
    void stopIsCleanAndDocumented() throws Exception {
        int exit = karaf.stop(Duration.ofSeconds(60));
        assertThat(exit).isZero();
        assertThat(karaf.log()).doesNotContain("| ERROR |");
    }

    private static JsonNode push(Object body) throws Exception {
        HttpResponse<String> r = karaf.post("/records", KarafInstance.DEMO_TOKEN, "application/json", Samples.json(body));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Samples.JSON.readTree(r.body());
    }

    private static int rejectionCount() throws Exception {
        return Samples.JSON.readTree(karaf.get("/rejections?limit=500", KarafInstance.DEMO_TOKEN).body())
                .path("rejections").size();
    }
}
