package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.connector.samr.sim.SamrSimulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The samr reference connector in the booted distribution: the bureau's simulator pushes over HTTP, good records
 * land in the ledger, a bad one becomes a rejection with its field, and a kill -9 between two pushes neither loses
 * nor duplicates anything when the bureau resends.
 */
class SamrConnectorIT {

    private static final String TOKEN = "scjgj-demo-token";

    @AutoClose
    private KarafInstance karaf;

    @Test
    void pushesLandInTheLedgerAndSurviveARestartWithoutDuplicates() throws Exception {
        karaf = KarafInstance.fresh("samr").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        SamrSimulator bureau = new SamrSimulator("http://127.0.0.1:" + karaf.httpPort + "/api/v1", "rest-scjgj", TOKEN);

        JsonNode connectors = Samples.JSON.readTree(karaf.operator("GET", "/connectors", null).body());
        assertThat(connectors.path("connectors")).anySatisfy(c -> {
            assertThat(c.path("id").asText()).isEqualTo("rest-scjgj");
            assertThat(c.path("state").asText()).isEqualTo("RUNNING");
        });

        List<ObjectNode> first = new ArrayList<>(SamrSimulator.penalties(1, 20));
        first.add(SamrSimulator.legacyPenalty(21));
        first.add(SamrSimulator.badPenalty(22));
        SamrSimulator.Answer a = bureau.push(first);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        assertThat(a.body().path("accepted").asInt()).as(a.body().toString()).isEqualTo(21);
        assertThat(a.body().path("rejected").asInt()).isEqualTo(1);
        Set<String> ids = recordIds(a.body());

        // the bureau's rejection list names the field
        JsonNode rejections = Samples.JSON.readTree(karaf.get("/rejections", TOKEN).body()).path("rejections");
        assertThat(rejections).singleElement().satisfies(r -> assertThat(r.toString()).contains("CF_XDR_SHXYM"));

        karaf.kill9();
        karaf.start();
        karaf.awaitHealthy(Duration.ofSeconds(90));

        // after the crash the bureau resends everything, plus ten new ones
        List<ObjectNode> again = new ArrayList<>(first);
        again.addAll(SamrSimulator.penalties(100, 10));
        SamrSimulator.Answer b = bureau.push(again);
        assertThat(b.body().path("alreadyAccepted").asInt()).as(b.body().toString()).isEqualTo(21);
        assertThat(b.body().path("accepted").asInt()).isEqualTo(10);
        ids.addAll(recordIds(b.body()));
        assertThat(ids).hasSize(31);
        for (String id : ids) {
            HttpResponse<String> stored = karaf.get("/records/" + id, TOKEN);
            assertThat(stored.statusCode()).as(id).isEqualTo(200);
            JsonNode record = Samples.JSON.readTree(stored.body());
            assertThat(record.path("state").asText()).isEqualTo("QUEUED");
            assertThat(record.path("versions").size()).as("versions of %s", id).isEqualTo(1);
        }

        // a department cannot push into another department's connector
        HttpResponse<String> foreign = karaf.post("/connectors/rest-scjgj/records", KarafInstance.DEMO_TOKEN,
                "application/json", "{\"records\":[]}");
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    private static Set<String> recordIds(JsonNode answer) {
        Set<String> ids = new HashSet<>();
        answer.path("results").forEach(r -> {
            if (!r.path("recordId").isNull() && !r.path("recordId").asText().isEmpty()) {
                ids.add(r.path("recordId").asText());
            }
        });
        return ids;
    }
}
