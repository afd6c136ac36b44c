package org.creditgate.core.rest;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.delivery.ShieldProof;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.ledger.RecordHead;
import org.creditgate.spi.ingest.IngestResult;

/**
 * Shields under /api/v1/shields (operators): {@code POST} issues one for the city credit office (role manager or
 * admin: {@code {targetRecordId, cause, decisionRef, shieldId?, effectiveAt?}}, through the same ingest as a
 * department's SHIELD); {@code GET /{shieldId}} is its proof document; {@code GET ?pending=true} lists the
 * platforms that have not acknowledged a shield yet, {@code ?overdue=true} those past the shield SLA (the alert list),
 * {@code ?recordId=} the shields of one record.
 */
@Path("/shields")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ShieldsApi {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PENDING = 1000;
    private final GatewayApi.Backend backend;

    ShieldsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    @Path("{shieldId}")
    public Response proof(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("shieldId") String shieldId) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                ShieldProof.of(ledger, shieldId).map(d -> Responses.json(200, d)).orElseGet(() -> Responses.json(404,
                        ApiJson.error("NOT_FOUND", "no shield " + shieldId)))));
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("pending") String pending, @QueryParam("overdue") String overdue,
            @QueryParam("recordId") String recordId) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
            if (recordId != null && !recordId.isBlank()) {
                return Responses.json(200, Map.of("shields", ledger.shieldsOf(recordId.strip()).stream()
                        .map(s -> ShieldProof.of(ledger, s.shieldId()).orElseThrow()).toList()));
            }
            if ("true".equalsIgnoreCase(overdue)) {
                return Responses.json(200, Map.of("overdue", gateway.shieldWatch().overdue()));
            }
            if ("true".equalsIgnoreCase(pending)) {
                return Responses.json(200, Map.of("pending", ShieldProof.pending(ledger, MAX_PENDING)));
            }
            return Responses.json(400, ApiJson.error("BAD_QUERY", "ask for ?pending=true, ?overdue=true or ?recordId=<recordId>"));
        }));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, true, (op, gateway, ledger) ->
                Responses.readJson(backend, contentType, body, parsed -> {
                    String target = text(parsed, "targetRecordId");
                    String cause = text(parsed, "cause");
                    if (target == null || cause == null) {
                        return Responses.json(400, ApiJson.error("BAD_REQUEST", "targetRecordId and cause are "
                                + "required (decisionRef, shieldId and effectiveAt are optional)"));
                    }
                    Optional<RecordHead> head = ledger.head(target);
                    if (head.isEmpty()) {
                        return Responses.json(404, ApiJson.error("E_UNKNOWN_RECORD", "no record " + target));
                    }
                    ObjectNode shield = JsonNodeFactory.instance.objectNode();
                    shield.put("dataset", "SHIELD");
                    // the same target and cause without a shieldId is the same shield: a repeated click is idempotent
                    String shieldId = text(parsed, "shieldId");
                    shield.put("shieldId", shieldId != null ? shieldId : "OP-" + target + "-" + cause);
                    shield.put("targetDataset", head.get().dataset());
                    shield.put("targetRecordId", target);
                    shield.put("targetBusinessKey", head.get().businessKey());
                    shield.put("cause", cause);
                    String effectiveAt = text(parsed, "effectiveAt");
                    shield.put("effectiveAt", effectiveAt != null ? effectiveAt
                            : OffsetDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS).toString());
                    if (text(parsed, "decisionRef") != null) {
                        shield.put("decisionRef", text(parsed, "decisionRef"));
                    }
                    String issuer = "operator:" + op.name();
                    IngestResult result = gateway.ingest(new IngestRequest(issuer.length() > 64
                            ? issuer.substring(0, 64) : issuer, "operator", shield));
                    return Responses.json(200, Map.of("shieldId", shield.get("shieldId").asText(),
                            "result", result.results().get(0)));
                })));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
