package org.creditgate.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.model.Masking;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What the operator console calls, in the booted distribution: who am I, a record's lineage, the subject search by
 * a full ID number (in the body; the answer and the log show it masked only), and a refused call that carries no
 * browser challenge when the console sends {@code X-Requested-With} — the filter registered on the real CXF server.
 */
class OperatorConsoleApiIT {

    @AutoClose
    private KarafInstance karaf;

    @Test
    void theConsolesCallsAnswerAsOperatorsAndNeverShowTheFullIdNumber() throws Exception {
        karaf = KarafInstance.fresh("console-api").start();
        karaf.awaitHealthy(Duration.ofSeconds(90));
        HttpResponse<String> pushed = karaf.post("/records", KarafInstance.DEMO_TOKEN, "application/json",
                Samples.json(Map.of("records", List.of(Samples.personPenalty("榕市监罚〔2026〕501号",
                        Samples.VALID_ID)))));
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        JsonNode result = Samples.JSON.readTree(pushed.body()).path("results").get(0);
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ACCEPTED");
        String recordId = result.path("recordId").asText();

        JsonNode me = Samples.JSON.readTree(karaf.operator("GET", "/operator", null).body());
        assertThat(me.path("name").asText()).isEqualTo("karaf");
        assertThat(me.path("canOperate").asBoolean()).isTrue();

        HttpResponse<String> lineage = karaf.operator("GET", "/lineage/" + recordId, null);
        assertThat(lineage.statusCode()).as(lineage.body()).isEqualTo(200);
        JsonNode l = Samples.JSON.readTree(lineage.body());
        assertThat(l.path("recordId").asText()).isEqualTo(recordId);
        assertThat(l.path("subject").asText()).endsWith("(ID " + Masking.idNo(Samples.VALID_ID) + ")");
        assertThat(l.path("history").findValuesAsText("event")).contains("RECEIVED_VALID");

        HttpResponse<String> search = karaf.operator("POST", "/lineage/search", Samples.json(Map.of("subject",
                Samples.VALID_ID)));
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        JsonNode found = Samples.JSON.readTree(search.body());
        assertThat(found.path("subject").asText()).isEqualTo(Masking.idNo(Samples.VALID_ID));
        assertThat(found.path("records").findValuesAsText("recordId")).containsExactly(recordId);
        assertThat(lineage.body() + search.body()).doesNotContain(Samples.VALID_ID);

        assertThat(refused(null).headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"creditgate\"");
        HttpResponse<String> console = refused("creditgate-console");
        assertThat(console.statusCode()).isEqualTo(401);
        assertThat(console.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(karaf.log()).doesNotContain(Samples.VALID_ID);
    }

    private HttpResponse<String> refused(String requestedWith) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(karaf.api("/lineage/search")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":\"" + Samples.VALID_ID + "\"}"));
        if (requestedWith != null) {
            b.header("X-Requested-With", requestedWith);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(401);
        return r;
    }
}
