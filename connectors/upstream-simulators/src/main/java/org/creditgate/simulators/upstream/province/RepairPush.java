package org.creditgate.simulators.upstream.province;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.simulators.upstream.core.Json;

/**
 * The province platform telling the city gateway about a credit repair it did itself (上级平台修复): one JSON document
 * per repair to the gateway's {@code POST <gateway>/upstreams/province/shields}, with the province's own token.
 */
public final class RepairPush {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayApi;
    private final String token;

    /**
     * @param gatewayApi the gateway's API base, e.g. {@code http://127.0.0.1:8181/api/v1}
     * @param token      the province's token at the gateway (org.creditgate.upstreams.cfg)
     */
    public RepairPush(String gatewayApi, String token) {
        this.gatewayApi = gatewayApi.endsWith("/") ? gatewayApi.substring(0, gatewayApi.length() - 1) : gatewayApi;
        this.token = token;
    }

    /** A repair of the province's: its id, the record (gateway id, or dataset + business key), when, on what basis. */
    public record Repair(String shieldId, String targetRecordId, String targetDataset, String targetBusinessKey,
            OffsetDateTime effectiveAt, String decisionRef) {

        /** A repair of a record the province knows by its gateway id. */
        public static Repair ofRecord(String shieldId, String recordId, OffsetDateTime effectiveAt,
                String decisionRef) {
            return new Repair(shieldId, recordId, null, null, effectiveAt, decisionRef);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shieldId", shieldId);
            put(m, "targetRecordId", targetRecordId);
            put(m, "targetDataset", targetDataset);
            put(m, "targetBusinessKey", targetBusinessKey);
            m.put("effectiveAt", effectiveAt.toString());
            put(m, "decisionRef", decisionRef);
            return m;
        }

        private static void put(Map<String, Object> m, String key, Object value) {
            if (value != null) {
                m.put(key, value);
            }
        }
    }

    /** The gateway's answer: HTTP status and JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    public Answer send(Repair repair) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayApi + "/upstreams/"
                + ProvinceSimulator.UPSTREAM + "/shields")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + token)
                .POST(BodyPublishers.ofString(Json.write(repair.json()))).build();
        var response = http.send(request, BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() ? null : Json.read(response.body()));
    }
}
