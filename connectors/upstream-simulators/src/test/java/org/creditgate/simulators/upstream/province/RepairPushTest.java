package org.creditgate.simulators.upstream.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.creditgate.simulators.upstream.core.Json;
import org.creditgate.simulators.upstream.core.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The province pushes its own repairs to the gateway: the path, token and document the gateway's channel takes. */
class RepairPushTest {

    private record Call(String method, String path, String authorization, String contentType, JsonNode body) {
    }

    private final AtomicReference<Call> received = new AtomicReference<>();
    private HttpServer gateway;
    private ProvinceSimulator sim;

    @BeforeEach
    void start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/", exchange -> {
            received.set(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    Json.read(exchange.getRequestBody().readAllBytes())));
            byte[] answer = "{\"shieldId\":\"UP-province-HB-1\",\"status\":\"ACCEPTED\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        gateway.start();
        sim = new ProvinceSimulator().start(0);
    }

    @AfterEach
    void stop() {
        sim.close();
        gateway.stop(0);
    }

    private String gatewayApi() {
        return "http://127.0.0.1:" + gateway.getAddress().getPort() + "/api/v1";
    }

    @Test
    void aRepairGoesToTheProvincesPathWithItsTokenAndAnswersWithTheGateways() {
        RepairPush.Answer answer = sim.pushRepair(gatewayApi(), "prov-token", RepairPush.Repair.ofRecord("HB-1", "r-1",
                OffsetDateTime.parse("2026-11-20T09:30:00+08:00"), "鄂信修〔2026〕1号"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("shieldId").asText()).isEqualTo("UP-province-HB-1");
        Call call = received.get();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/upstreams/province/shields");
        assertThat(call.authorization()).isEqualTo("Bearer prov-token");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(call.body().path("shieldId").asText()).isEqualTo("HB-1");
        assertThat(call.body().path("targetRecordId").asText()).isEqualTo("r-1");
        assertThat(call.body().path("effectiveAt").asText()).isEqualTo("2026-11-20T09:30+08:00");
        assertThat(call.body().path("decisionRef").asText()).isEqualTo("鄂信修〔2026〕1号");
        assertThat(call.body().has("targetBusinessKey")).isFalse();
    }

    @Test
    void theAdminHookPushesARepairByBusinessKey() {
        TestHttp.Answer answer = TestHttp.post(sim.baseUrl() + "/admin/repair", Json.write(java.util.Map.of(
                "gateway", gatewayApi(), "token", "prov-token", "shieldId", "HB-2", "targetDataset", "PENALTY",
                "targetBusinessKey", "k|1", "effectiveAt", "2026-11-20T09:30:00+08:00")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("gatewayStatus").asInt()).isEqualTo(200);
        assertThat(answer.body().path("gatewayAnswer").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(received.get().body().path("targetDataset").asText()).isEqualTo("PENALTY");
        assertThat(received.get().body().path("targetBusinessKey").asText()).isEqualTo("k|1");
    }

    @Test
    void anUnreachableGatewayIsStatusZero() {
        // nothing listens on port 1 of the loopback address: refused at once
        assertThat(sim.pushRepair("http://127.0.0.1:1/api/v1", "t", RepairPush.Repair.ofRecord("HB-3", "r", OffsetDateTime.now(),
                null)).status()).isZero();
    }
}
