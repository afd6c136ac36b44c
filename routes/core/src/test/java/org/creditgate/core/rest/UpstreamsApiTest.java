package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.delivery.OutboundRecord;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.ingest.PipelineHarness;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.RecordState;
import org.creditgate.model.samples.SampleRecords;
import org.creditgate.spi.ingest.IngestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The upstream platforms' repair channel (POST /api/v1/upstreams/{upstream}/shields) over the real ingest pipeline
 * and an H2 ledger: who may call it, how it finds the record, and that the shield it issues is an UPSTREAM_REPAIR
 * from the platform itself (so the fan-out never sends it back), idempotent per platform repair id.
 */
class UpstreamsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PipelineHarness harness = new PipelineHarness();
    private final ConnectorRegistry registry = new ConnectorRegistry();

    private final IngestGateway gateway = new StubGateway(registry) {
        @Override
        public IngestResult ingest(IngestRequest request) {
            return harness.pipeline().ingest(request);
        }
    };

    private final UpstreamsApi api = new UpstreamsApi(new TestBackend(gateway, harness.ledger())
            .departments(Map.of("scjgj.token", "dept-token"))
            .upstreams(Map.of("province.token", "prov-token", "province.name", "省平台", "national.token", "nat-token"))
            .maxRequestBytes(10_000));

    @AfterEach
    void close() {
        harness.close();
    }

    private String accepted(String docNo) {
        return harness.pipeline().ingest(new IngestRequest("scjgj", "rest", SampleRecords.penalty(docNo))).results()
                .get(0).recordId();
    }

    private Response post(String auth, String upstream, Map<String, ?> body) throws Exception {
        return api.repair(auth, "application/json", upstream, new ByteArrayInputStream(JSON.writeValueAsString(body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode body(Response r) throws Exception {
        return JSON.readTree((String) r.getEntity());
    }

    private static Map<String, String> repair(String id, String target) {
        return Map.of("shieldId", id, "targetRecordId", target, "effectiveAt", "2026-11-20T09:30:00+08:00",
                "decisionRef", "鄂信修〔2026〕7号");
    }

    @Test
    void onlyAPlatformsOwnTokenOnItsOwnPathIsAccepted() throws Exception {
        String target = accepted("榕市监罚〔2026〕301号");
        for (String auth : new String[] {null, "Bearer wrong", "Bearer dept-token", "prov-token"}) {
            Response r = post(auth, "province", repair("HB-1", target));
            assertThat(r.getStatus()).as(auth).isEqualTo(401);
            assertThat(r.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            assertThat(body(r).path("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
        Response r = post("Bearer nat-token", "province", repair("HB-1", target));
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(body(r).path("message").asText()).contains("national").contains("/upstreams/national/shields");
        assertThat(harness.ledger().shieldsOf(target)).isEmpty();
    }

    @Test
    void aRepairShieldsTheRecordAsAnUpstreamRepairFromThePlatform() throws Exception {
        String target = accepted("榕市监罚〔2026〕302号");
        Response r = post("Bearer prov-token", "province", repair("HB-2", target));

        assertThat(r.getStatus()).as((String) r.getEntity()).isEqualTo(200);
        JsonNode answer = body(r);
        assertThat(answer.path("shieldId").asText()).isEqualTo("UP-province-HB-2");
        assertThat(answer.path("upstreamShieldId").asText()).isEqualTo("HB-2");
        assertThat(answer.path("targetRecordId").asText()).isEqualTo(target);
        assertThat(answer.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(harness.ledger().head(target).map(RecordHead::state)).contains(RecordState.SHIELDED);
        assertThat(harness.ledger().shield("UP-province-HB-2")).get().satisfies(s -> {
            assertThat(s.cause()).isEqualTo("UPSTREAM_REPAIR");
            assertThat(s.source()).isEqualTo("province");
            assertThat(s.decisionRef()).isEqualTo("鄂信修〔2026〕7号");
        });
        // the fan-out reads the sender from the record's department: the platform, which it never sends back to
        OutboundRecord shield = harness.enqueued().get(harness.enqueued().size() - 1);
        assertThat(shield.dataset()).isEqualTo("SHIELD");
        assertThat(shield.department()).isEqualTo("province");
    }

    @Test
    void theSameRepairAgainIsTheSameShieldAndAnotherRepairUnderItsIdAConflict() throws Exception {
        String target = accepted("榕市监罚〔2026〕303号");
        assertThat(post("Bearer prov-token", "province", repair("HB-3", target)).getStatus()).isEqualTo(200);
        int sent = harness.enqueued().size();

        Response again = post("Bearer prov-token", "province", repair("HB-3", target));
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(body(again).path("status").asText()).isEqualTo("ALREADY_ACCEPTED");
        assertThat(body(again).path("shieldId").asText()).isEqualTo("UP-province-HB-3");
        assertThat(harness.enqueued()).hasSize(sent);

        Response other = post("Bearer prov-token", "province", Map.of("shieldId", "HB-3", "targetRecordId", target,
                "effectiveAt", "2026-11-21T09:30:00+08:00"));
        assertThat(other.getStatus()).isEqualTo(409);
        assertThat(body(other).path("errors").findValuesAsText("code")).containsExactly("E_DUPLICATE");
        // the national platform's HB-3 is another repair: ids are per platform
        assertThat(post("Bearer nat-token", "national", repair("HB-3", target)).getStatus()).isEqualTo(200);
        assertThat(harness.ledger().shieldsOf(target)).extracting(s -> s.shieldId())
                .containsExactlyInAnyOrder("UP-province-HB-3", "UP-national-HB-3");
    }

    @Test
    void theRecordCanBeNamedByDatasetAndBusinessKey() throws Exception {
        String target = accepted("榕市监罚〔2026〕304号");
        String key = harness.ledger().head(target).orElseThrow().businessKey();
        Response r = post("Bearer prov-token", "province", Map.of("shieldId", "HB-4", "targetDataset", "PENALTY",
                "targetBusinessKey", key, "effectiveAt", "2026-11-20T09:30:00+08:00"));
        assertThat(r.getStatus()).as((String) r.getEntity()).isEqualTo(200);
        assertThat(body(r).path("targetRecordId").asText()).isEqualTo(target);
    }

    @Test
    void anUnknownRecordIs404AndNothingIsStored() throws Exception {
        Response byId = post("Bearer prov-token", "province", repair("HB-5", "no-such-record"));
        assertThat(byId.getStatus()).isEqualTo(404);
        assertThat(body(byId).path("error").asText()).isEqualTo("E_UNKNOWN_RECORD");
        assertThat(body(byId).path("message").asText()).contains("no-such-record");

        Response byKey = post("Bearer prov-token", "province", Map.of("shieldId", "HB-6", "targetDataset", "PENALTY",
                "targetBusinessKey", "11350100003000014R|无此文号|91350100M000100Y43",
                "effectiveAt", "2026-11-20T09:30:00+08:00"));
        assertThat(byKey.getStatus()).isEqualTo(404);
        assertThat(body(byKey).path("message").asText()).contains("PENALTY").contains("无此文号");
        assertThat(harness.versionCount()).isZero();
    }

    @Test
    void aRepairWithoutItsIdTimeOrRecordIs400() throws Exception {
        String target = accepted("榕市监罚〔2026〕305号");
        for (Map<String, String> bad : List.of(Map.of("targetRecordId", target, "effectiveAt", "2026-11-20T09:30:00+08:00"),
                Map.of("shieldId", "HB-7", "targetRecordId", target),
                Map.of("shieldId", "HB-7", "targetDataset", "PENALTY", "effectiveAt", "2026-11-20T09:30:00+08:00"),
                Map.of("shieldId", "HB-7", "targetRecordId", target, "effectiveAt", "2026-11-20"))) {
            Response r = post("Bearer prov-token", "province", bad);
            assertThat(r.getStatus()).as(bad.toString()).isEqualTo(400);
            assertThat(body(r).path("error").asText()).isEqualTo("BAD_REQUEST");
        }
        assertThat(harness.ledger().shieldsOf(target)).isEmpty();
    }
}
