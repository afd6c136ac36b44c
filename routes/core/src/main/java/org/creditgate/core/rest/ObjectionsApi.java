package org.creditgate.core.rest;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditgate.core.auth.Department;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.core.objection.ObjectionWatch;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.ObjectionEntry;
import org.creditgate.ledger.RecordHead;
import org.creditgate.model.CanonicalJson;
import org.creditgate.model.validation.ObjectionLifecycle;
import org.creditgate.spi.ingest.RecordResult;

/**
 * Objections (异议处理) under /api/v1/objections.
 * <ul>
 * <li>{@code POST} (operator, role manager or admin): the city credit office opens an objection — an OBJECTION record
 * without result ({@code objectionId, targetRecordId, applicant, claim}, optional {@code submittedOn, forwardedOn}
 * (default today: the gateway notifies the provider now), {@code providerUnit, providerUnitUscc} (default: the
 * contested record's 数据来源单位), subject block) — through the same ingest as a department's OBJECTION record.
 * A result is sent the same way with {@code result, resultOn, correctedRecordVersion?}.</li>
 * <li>{@code GET} with a department token ({@code Authorization: Bearer}): the objections to verify by that
 * department ({@code provider=me}, the default; {@code all=true} includes verified ones) — the pull side of the
 * provider notification.</li>
 * <li>{@code GET} as operator: {@code ?pending=true}, {@code ?overdue=true} (the alert list), {@code ?provider=<id>},
 * {@code ?recordId=}.</li>
 * <li>{@code GET /{objectionId}}: one objection, for operators and its provider department.</li>
 * </ul>
 */
@Path("/objections")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ObjectionsApi {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int MAX_LIST = 1000;
    private static final List<String[]> PROVIDER_FIELDS = List.of(new String[] {"sourceUnit", "sourceUnitUscc"},
            new String[] {"decidingUnit", "decidingUnitUscc"}, new String[] {"authorityName", "authorityUscc"});

    private final GatewayApi.Backend backend;

    ObjectionsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("provider") String provider, @QueryParam("pending") String pending,
            @QueryParam("overdue") String overdue, @QueryParam("recordId") String recordId,
            @QueryParam("all") String all) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept != null) {
                if (provider != null && !provider.isBlank() && !"me".equals(provider) && !provider.equals(dept.id())) {
                    return Responses.json(403, ApiJson.error("FORBIDDEN", "department " + dept.id()
                            + " may list only the objections it verifies (provider=me)"));
                }
                return withWatch((watch, ledger) -> Responses.json(200, page(dept.id(), watch.list(dept.id(),
                        !"true".equalsIgnoreCase(all), MAX_LIST))));
            }
            return OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
                ObjectionWatch watch = gateway.objections();
                if (recordId != null && !recordId.isBlank()) {
                    return Responses.json(200, Map.of("objections", watch.of(recordId.strip())));
                }
                if ("true".equalsIgnoreCase(overdue)) {
                    return Responses.json(200, Map.of("overdue", watch.overdue()));
                }
                if (provider != null && !provider.isBlank()) {
                    return Responses.json(200, page(provider.strip(), watch.list(provider.strip(),
                            !"true".equalsIgnoreCase(all), MAX_LIST)));
                }
                if ("true".equalsIgnoreCase(pending)) {
                    return Responses.json(200, Map.of("pending", watch.list(null, true, MAX_LIST)));
                }
                return Responses.json(400, ApiJson.error("BAD_QUERY", "ask for ?pending=true, ?overdue=true, "
                        + "?provider=<department> or ?recordId=<recordId>"));
            });
        });
    }

    @GET
    @Path("{objectionId}")
    public Response one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("objectionId") String objectionId) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept != null) {
                return withWatch((watch, ledger) -> ledger.objection(objectionId)
                        .filter(o -> o.provider().equals(dept.id())).map(o -> Responses.json(200, watch.view(o)))
                        // another department's objection answers like a missing one
                        .orElseGet(() -> notFound(objectionId)));
            }
            return OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> ledger
                    .objection(objectionId).map(o -> Responses.json(200, gateway.objections().view(o)))
                    .orElseGet(() -> notFound(objectionId)));
        });
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response open(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, true, (op, gateway, ledger) ->
                Responses.readJson(backend, contentType, body, parsed -> {
                    if (!(parsed instanceof ObjectNode record) || text(record, "targetRecordId") == null) {
                        return Responses.json(400, ApiJson.error("BAD_REQUEST", "one JSON object with at least "
                                + "objectionId, targetRecordId, applicant and claim"));
                    }
                    Optional<RecordHead> target = ledger.head(text(record, "targetRecordId"));
                    if (target.isEmpty()) {
                        return Responses.json(404, ApiJson.error("E_UNKNOWN_RECORD", "no record "
                                + text(record, "targetRecordId")));
                    }
                    completeFromTarget(record, target.get(), ledger);
                    RecordResult result = gateway.ingest(new IngestRequest(ObjectionLifecycle.OPERATOR_PREFIX
                            + op.name(), "operator", record)).results().get(0);
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("objectionId", text(record, "objectionId"));
                    answer.put("result", result);
                    Optional.ofNullable(text(record, "objectionId")).flatMap(ledger::objection)
                            .map(o -> gateway.objections().view(o)).ifPresent(o -> answer.put("objection", o));
                    return Responses.json(200, answer);
                })));
    }

    /** Fills what the city credit office need not type: dataset, op, dates of today, the provider unit. */
    private static void completeFromTarget(ObjectNode record, RecordHead target, Ledger ledger) {
        String today = LocalDate.now(Clock.system(BEIJING)).toString();
        record.put("dataset", "OBJECTION");
        if (text(record, "op") == null) {
            record.put("op", text(record, "result") == null ? "ADD" : "UPDATE");
        }
        record.put("targetDataset", target.dataset());
        if (text(record, "submittedOn") == null) {
            record.put("submittedOn", today);
        }
        if (text(record, "forwardedOn") == null && text(record, "result") == null) {
            record.put("forwardedOn", today);
        }
        if (text(record, "providerUnit") == null || text(record, "providerUnitUscc") == null) {
            JsonNode payload = ledger.version(target.recordId(), target.currentVersion()).map(v -> tree(v.payload()))
                    .orElse(null);
            for (String[] unit : PROVIDER_FIELDS) {
                if (payload != null && payload.hasNonNull(unit[0]) && payload.hasNonNull(unit[1])) {
                    record.put("providerUnit", payload.get(unit[0]).asText());
                    record.put("providerUnitUscc", payload.get(unit[1]).asText());
                    break;
                }
            }
        }
    }

    private static JsonNode tree(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // stored by the gateway itself: a damaged row only means the units are not filled in
            return null;
        }
    }

    private interface WatchAction {
        Response run(ObjectionWatch watch, Ledger ledger);
    }

    private Response withWatch(WatchAction action) {
        IngestGateway gateway = backend.gateway().orElse(null);
        Ledger ledger = backend.ledger().orElse(null);
        if (gateway == null || ledger == null) {
            return Responses.coreDown();
        }
        return action.run(gateway.objections(), ledger);
    }

    private static Map<String, Object> page(String provider, List<Map<String, Object>> objections) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider);
        m.put("objections", objections);
        return m;
    }

    private static Response notFound(String objectionId) {
        return Responses.json(404, ApiJson.error("NOT_FOUND", "no objection " + objectionId));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
