package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * "Nothing accepted is ever lost": kill -9 the Karaf JVM right after a batch is answered ACCEPTED, restart it, and
 * find every accepted record in the ledger and its message in the broker.
 */
class CrashDurabilityIT {

    private static final int BATCH = 200;
    /** Killed after the test whatever happened (JUnit closes it). */
    @AutoClose
    private KarafInstance karaf;

    @Test
    void acceptedRecordsSurviveKill9() throws Exception {
        karaf = KarafInstance.fresh("crash").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));

        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            records.add(i % 2 == 0 ? Samples.orgPenalty("榕市监罚〔2026〕2" + i + "号")
                    : Samples.personPenalty("榕市监罚〔2026〕2" + i + "号", Samples.VALID_ID));
        }
        HttpResponse<String> answer = karaf.post("/records", KarafInstance.DEMO_TOKEN, "application/json",
                Samples.json(Map.of("records", records)));
        karaf.kill9(); // straight after the answer: no graceful flush of anything
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode results = Samples.JSON.readTree(answer.body()).path("results");
        Set<String> accepted = new HashSet<>();
        results.forEach(r -> {
            assertThat(r.path("status").asText()).as(r.toString()).isEqualTo("ACCEPTED");
            accepted.add(r.path("recordId").asText());
        });
        assertThat(accepted).hasSize(BATCH);

        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));

        for (String recordId : accepted) {
            HttpResponse<String> stored = karaf.get("/records/" + recordId, KarafInstance.DEMO_TOKEN);
            assertThat(stored.statusCode()).as(recordId).isEqualTo(200);
            assertThat(Samples.JSON.readTree(stored.body()).path("state").asText()).isEqualTo("QUEUED");
        }
        // the fan-out moves each accepted record to the upstream queues: every one exactly once on the province's
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recordIdsInBroker())
                .containsExactlyInAnyOrderElementsOf(accepted));
        JsonNode lineage = Samples.JSON.readTree(karaf.get("/records/" + accepted.iterator().next(),
                KarafInstance.DEMO_TOKEN).body());
        assertThat(lineage.path("deliveries").findValuesAsText("upstream"))
                .containsExactlyInAnyOrder("province", "national", "creditchina", "gsxt");
        assertThat(lineage.path("deliveries").findValuesAsText("state")).containsOnly("QUEUED");
    }

    /** Browses (does not consume) the province's delivery queue over AMQP, as its connector will see it. */
    private List<String> recordIdsInBroker() throws Exception {
        JmsConnectionFactory cf = new JmsConnectionFactory("creditgate", "creditgate",
                "amqp://127.0.0.1:" + karaf.amqpPort);
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = s.createBrowser(s.createQueue("creditgate.upstream.province"));
            List<String> ids = new ArrayList<>();
            for (Message m : Collections.list((java.util.Enumeration<Message>) browser.getEnumeration())) {
                ids.add(m.getStringProperty("cgRecordId"));
            }
            return ids;
        }
    }
}
