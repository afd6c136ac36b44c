package org.creditgate.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.spi.ingest.IngestResult;
import org.junit.jupiter.api.Test;

/** The HTTP contract of the API without a server: status codes and error bodies for every refusal. */
class GatewayApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicReference<IngestRequest> received = new AtomicReference<>();
    private final ConnectorRegistry registry = new ConnectorRegistry();
    private IngestGateway gateway = new StubGateway(registry) {
        @Override
        public IngestResult ingest(IngestRequest request) {
            received.set(request);
            return new IngestResult(List.of());
        }

        @Override
        public IngestResult push(String connectorId, JsonNode body) {
            return new IngestResult(List.of());
        }
    };

    private final GatewayApi api = new GatewayApi(new TestBackend(() -> gateway, () -> null)
            .departments(Map.of("samr.token", "s3cret", "samr.name", "市场监督管理局")).maxRequestBytes(2048));

    private Response push(String auth, String contentType, String body) {
        return api.push(auth, contentType, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode body(Response r) throws Exception {
        return JSON.readTree((String) r.getEntity());
    }

    @Test
    void missingOrWrongTokenIs401WithAChallenge() throws Exception {
        for (String auth : new String[] {null, "Bearer wrong", "Basic c2FtcjpzM2NyZXQ=", "s3cret"}) {
            Response r = push(auth, "application/json", "{}");
            assertThat(r.getStatus()).as(auth).isEqualTo(401);
            assertThat(r.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
            assertThat(body(r).path("error").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(received.get()).isNull();
    }

    @Test
    void validTokenReachesTheGatewayAsItsDepartment() {
        Response r = push("Bearer s3cret", "application/json; charset=UTF-8", "{\"CF_WSH\":\"x\"}");
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(received.get().department()).isEqualTo("samr");
        assertThat(received.get().body().path("CF_WSH").asText()).isEqualTo("x");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        Response r = push("Bearer s3cret", "text/csv", "a,b");
        assertThat(r.getStatus()).isEqualTo(415);
        assertThat(push("Bearer s3cret", "application/json; charset=GBK", "{}").getStatus()).isEqualTo(415);
    }

    @Test
    void oversizeBodyIs413BeforeParsing() throws Exception {
        Response r = push("Bearer s3cret", "application/json", "{\"x\":\"" + "a".repeat(3000) + "\"}");
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(body(r).path("error").asText()).isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void malformedJsonIs400WithPositionAndNoSourceEcho() throws Exception {
        Response r = push("Bearer s3cret", "application/json", "{\"CF_XDR_ZJHM\": \"11010519491231002X\",");
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode err = body(r);
        assertThat(err.path("error").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(err.path("message").asText()).contains("line 1").doesNotContain("11010519491231002X");
    }

    @Test
    void duplicateKeysAndDeepNestingAreRefused() throws Exception {
        assertThat(push("Bearer s3cret", "application/json", "{\"a\":1,\"a\":2}").getStatus()).isEqualTo(400);
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThat(push("Bearer s3cret", "application/json", "{\"x\":" + deep + "}").getStatus()).isEqualTo(400);
    }

    @Test
    void gatewayDownIs503AndNothingIsAnsweredAccepted() throws Exception {
        gateway = null;
        Response r = push("Bearer s3cret", "application/json", "{}");
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(body(r).path("error").asText()).isEqualTo("UNAVAILABLE");
    }

    @Test
    void aDepartmentCannotListAnotherDepartmentsRejections() throws Exception {
        Response r = api.rejections("Bearer s3cret", "tax", 0, 10);
        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(api.rejections("Bearer s3cret", "samr", -1, 10).getStatus()).isEqualTo(400);
    }

    @Test
    void healthWithoutComponentsIs503AndSaysWhy() throws Exception {
        Response r = api.health();
        assertThat(r.getStatus()).isEqualTo(503);
        JsonNode h = body(r);
        assertThat(h.path("status").asText()).isEqualTo("DOWN");
        assertThat(h.path("components").findValuesAsText("detail"))
                .anySatisfy(d -> assertThat(d).contains("org.creditgate.ledger.cfg"));
    }

    @Test
    void readinessNamesWhatIsNotReadyAndLivenessIgnoresIt() throws Exception {
        Response ready = api.ready();
        assertThat(ready.getStatus()).isEqualTo(503);
        assertThat(body(ready).path("notReady").findValuesAsText("component")).contains("ledger", "cluster");
        // the ledger being down is no reason to restart the process
        Response live = api.live();
        assertThat(live.getStatus()).isEqualTo(200);
    }

    @Test
    void livenessFailsWhenTheGatewaySaysItIsNotSane() throws Exception {
        IngestGateway sane = gateway;
        gateway = delegating(sane);
        Response live = api.live();
        assertThat(live.getStatus()).isEqualTo(503);
        assertThat(body(live).path("reason").asText()).isEqualTo("progress health has not checked for 3 m");
    }

    /** The same gateway, except that it says it is no longer sane. */
    private IngestGateway delegating(IngestGateway d) {
        return new StubGateway(registry) {
            @Override
            public IngestResult ingest(IngestRequest request) {
                return d.ingest(request);
            }

            @Override
            public Optional<String> liveness() {
                return Optional.of("progress health has not checked for 3 m");
            }
        };
    }
}
