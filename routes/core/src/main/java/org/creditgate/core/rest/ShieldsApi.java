package org.creditgate.core.rest;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.time.ZoneId;
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
import org.creditgate.core.delivery.ShieldProof;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.model.Shield;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.ShieldEntry;

/**
 * Shields under /api/v1/shields (operators): {@code POST} issues one for the city credit office (role manager or
 * admin: {@code {targetRecordId, cause, decisionRef, shieldId?, effectiveAt?}}, through the same ingest as a
 * department's SHIELD); {@code GET /{shieldId}} is its proof document; {@code GET ?pending=true} lists the
 * platforms that have not acknowledged a shield yet, {@code ?overdue=true} those past the shield SLA (the alert list),
 * {@code ?recordId=} the shields of one record (with their proofs), {@code ?shielded=<recordId>} only whether and
 * by which shield a record is shielded — answered from the shield cache, without the ledger when it is cached.
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
            @QueryParam("recordId") String recordId, @QueryParam("shielded") String shielded) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
            if (shielded != null && !shielded.isBlank()) {
                return Responses.json(200, gateway.shieldCache().lookup(shielded.strip()).summary(shielded.strip()));
            }
            if (recordId != null && !recordId.isBlank() && !gateway.shieldCache().shielded(recordId.strip())) {
                return Responses.json(200, Map.of("shields", List.of()));
            }
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
            return Responses.json(400, ApiJson.error("BAD_QUERY", "ask for ?pending=true, ?overdue=true, ?recordId=<recordId> or ?shielded=<recordId>"));
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
                    String effectiveAt = text(parsed, "effectiveAt");
                    ShieldIssuer.Issued issued;
                    try {
                        Shield.Cause why = Shield.Cause.valueOf(cause);
                        String shieldId = text(parsed, "shieldId");
                        // a repeated click (same target and cause, no id) is the same shield, effective when first
                        // issued: an identical resend, answered ALREADY_ACCEPTED
                        OffsetDateTime at = effectiveAt != null ? OffsetDateTime.parse(effectiveAt)
                                : ledger.shield(shieldId != null ? shieldId : ShieldIssuer.derivedId(target, why))
                                        .map(ShieldEntry::effectiveAt).filter(java.util.Objects::nonNull)
                                        .map(t -> OffsetDateTime.ofInstant(t, BEIJING)).orElse(null);
                        issued = new ShieldIssuer(gateway::ingest, Clock.systemUTC(), BEIJING).issue(
                                "operator:" + op.name(), "operator", new ShieldIssuer.Request(head.get(), why,
                                        shieldId, text(parsed, "decisionRef"), at, List.of()));
                    } catch (IllegalArgumentException | DateTimeParseException e) {
                        return Responses.json(400, ApiJson.error("BAD_REQUEST", "cause must be one of "
                                + Arrays.toString(Shield.Cause.values()) + " and effectiveAt an ISO date-time with "
                                + "offset"));
                    }
                    return Responses.json(200, Map.of("shieldId", issued.shieldId(), "result", issued.result()));
                })));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
