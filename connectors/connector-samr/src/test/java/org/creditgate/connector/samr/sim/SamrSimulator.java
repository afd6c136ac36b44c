package org.creditgate.connector.samr.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.model.samples.SampleRecords;

/**
 * The market regulation bureau's case system as the gateway sees it: it pushes 行政处罚 records over HTTP, in the
 * national codes or with the legacy 2016 key names, with its bearer token. Used by the integration tests and the
 * demo ({@code main}).
 */
public final class SamrSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI pushUri;
    private final String token;

    /** @param apiBase e.g. {@code http://127.0.0.1:8181/api/v1} */
    public SamrSimulator(String apiBase, String connectorId, String token) {
        this.pushUri = URI.create(apiBase + "/connectors/" + connectorId + "/records");
        this.token = token;
    }

    /** A valid 行政处罚 in the national codes, numbered so that different numbers are different records. */
    public static ObjectNode penalty(int n) {
        return SampleRecords.decidedOn(SampleRecords.penalty("榕市监罚〔2026〕" + n + "号"), LocalDate.of(2026, 11, 2));
    }

    /** The same 行政处罚 as the older case system sends it: legacy 2016 names for reason, result and kinds. */
    public static ObjectNode legacyPenalty(int n) {
        ObjectNode r = penalty(n);
        r.set("处罚事由", r.remove("CF_SY"));
        r.set("处罚结果", r.remove("CF_NR"));
        r.put("处罚类别1", "警告");
        r.set("处罚类别2", r.remove("CF_CFLB"));
        return r;
    }

    /** A 行政处罚 whose USCC fails its check digit (E_USCC_… on CF_XDR_SHXYM). */
    public static ObjectNode badPenalty(int n) {
        return penalty(n).put("CF_XDR_SHXYM", "91350100M000100Y4Z");
    }

    public static List<ObjectNode> penalties(int first, int count) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            out.add(penalty(i));
        }
        return out;
    }

    /** Pushes records; returns the HTTP status and the gateway's JSON answer. */
    public Answer push(List<? extends JsonNode> records) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("records").addAll(records);
        HttpRequest request = HttpRequest.newBuilder(pushUri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    public record Answer(int status, JsonNode body) {
    }

    /** {@code SamrSimulator <apiBase> <token> <count>}: pushes count penalties (and one bad one) once. */
    public static void main(String[] args) throws Exception {
        String api = args.length > 0 ? args[0] : "http://127.0.0.1:8181/api/v1";
        String token = args.length > 1 ? args[1] : "scjgj-demo-token";
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        SamrSimulator sim = new SamrSimulator(api, "rest-scjgj", token);
        List<JsonNode> records = new ArrayList<>(penalties(1, count));
        records.add(legacyPenalty(count + 1));
        records.add(badPenalty(count + 2));
        Answer a = sim.push(records);
        System.out.println("HTTP " + a.status() + ": accepted " + a.body().path("accepted") + ", already "
                + a.body().path("alreadyAccepted") + ", rejected " + a.body().path("rejected"));
    }
}
