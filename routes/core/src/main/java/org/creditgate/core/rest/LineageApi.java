package org.creditgate.core.rest;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.lineage.Lineage;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.validation.SubjectSearch;

/**
 * Lineage (数据血缘) for operators, any role, as {@code creditgate:lineage} shows it: {@code GET /lineage/{recordId}}
 * one record, {@code POST /lineage/search} {@code {"subject": <USCC or full ID number>, "limit": 1..100}} every
 * record of a subject, most recently changed first. The subject travels in the body, never in the URL: URLs end up
 * in access logs, and a full 公民身份号码 must not. Answers show ID numbers masked only.
 */
@Path("/lineage")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class LineageApi {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final GatewayApi.Backend backend;

    LineageApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    @Path("{recordId}")
    public Response one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("recordId") String recordId) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                ledger.head(recordId.strip()).map(h -> Responses.json(200, json(Lineage.of(ledger, h,
                        Lineage.channels(gateway.connectors()))))).orElseGet(() -> Responses.json(404,
                                ApiJson.error("NOT_FOUND", "no record " + recordId)))));
    }

    @POST
    @Path("search")
    @Consumes(MediaType.WILDCARD)
    public Response search(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                Responses.readJson(backend, contentType, body, parsed -> {
                    JsonNode given = parsed.path("subject");
                    String subject = given.isTextual() ? given.asText() : null;
                    String key;
                    String shown;
                    try {
                        key = SubjectSearch.key(subject);
                        shown = SubjectSearch.shown(subject);
                    } catch (IllegalArgumentException e) {
                        return refused("BAD_SUBJECT", "subject", e.getMessage());
                    }
                    JsonNode l = parsed.path("limit");
                    int limit = l.isMissingNode() || l.isNull() ? DEFAULT_LIMIT
                            : l.isIntegralNumber() && l.canConvertToInt() ? l.intValue() : -1;
                    if (limit < 1 || limit > MAX_LIMIT) {
                        return refused("BAD_LIMIT", "limit", "limit must be a whole number from 1 to " + MAX_LIMIT
                                + " (default " + DEFAULT_LIMIT + ")");
                    }
                    List<RecordHead> heads = ledger.headsOfSubject(key, limit);
                    Function<String, List<String>> channels = Lineage.channels(gateway.connectors());
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("subject", shown);
                    m.put("count", heads.size());
                    m.put("limitReached", heads.size() == limit);
                    m.put("records", heads.stream().map(h -> json(Lineage.of(ledger, h, channels))).toList());
                    return Responses.json(200, m);
                })));
    }

    /** The lineage as JSON; each version's warnings embedded as the JSON array they are, not as a string. */
    static ObjectNode json(Lineage lineage) {
        ObjectNode n = ApiJson.MAPPER.valueToTree(lineage);
        for (JsonNode v : n.path("versions")) {
            ((ObjectNode) v).set("warnings", embedded(v.path("warnings").textValue()));
        }
        return n;
    }

    private static JsonNode embedded(String json) {
        if (json == null) {
            return ApiJson.MAPPER.getNodeFactory().nullNode();
        }
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // stored by the gateway itself, so a damaged row: show it as (masked) text rather than fail the answer
            return ApiJson.MAPPER.getNodeFactory().textNode(json);
        }
    }

    private static Response refused(String code, String field, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", code);
        m.put("field", field);
        m.put("message", message);
        return Responses.json(400, m);
    }
}
