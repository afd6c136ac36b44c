package org.creditgate.core.rest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.auth.Department;
import org.creditgate.core.auth.Operator;
import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.WatermarkChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors under /api/v1/connectors: the operator's view (state, counters, watermark with its history), the
 * operator's actions (rewind the watermark, pause, resume; audited in the log and the watermark history), and the
 * push entry of push connectors for departments.
 */
@Path("/connectors")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ConnectorsApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorsApi.class);
    private static final int WATERMARK_LOG = 20;

    private final GatewayApi.Backend backend;

    ConnectorsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.guarded(() -> OperatorAccess.withOperator(backend, authorization, false, (op, registry, ledger) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (ConnectorInstance i : registry.list()) {
                out.add(i.view(registry.clock(), ledger.watermark(i.descriptor().id()).orElse(null)));
            }
            return Responses.json(200, Map.of("connectors", out));
        }));
    }

    @GET
    @Path("{id}")
    public Response one(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return Responses.guarded(() -> OperatorAccess.withOperator(backend, authorization, false, (op, registry, ledger) -> {
            Optional<ConnectorInstance> i = registry.find(id);
            if (i.isEmpty()) {
                return notFound(id);
            }
            Map<String, Object> view = new LinkedHashMap<>(i.get().view(registry.clock(),
                    ledger.watermark(id).orElse(null)));
            view.put("watermarkHistory", ledger.watermarkLog(id, WATERMARK_LOG));
            // what the department's records look like in the ledger, per state (a resend never adds versions)
            view.put("ledger", ledger.countByState(i.get().descriptor().department()));
            return Responses.json(200, view);
        }));
    }

    /** Sets or clears (value null: read from the start) a watermark; a reason is required and kept. */
    @PUT
    @Path("{id}/watermark")
    @Consumes(MediaType.WILDCARD)
    public Response rewind(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            InputStream body) {
        return Responses.guarded(() -> OperatorAccess.withOperator(backend, authorization, true, (op, registry, ledger) -> {
            if (registry.find(id).isEmpty()) {
                return notFound(id);
            }
            byte[] bytes = BoundedBody.read(body, 64 * 1024);
            JsonNode json = bytes == null ? null : ApiJson.read(bytes);
            JsonNode value = json == null ? null : json.get("value");
            String reason = json == null ? "" : json.path("reason").asText("").strip();
            if (json == null || reason.isEmpty() || value == null || !(value.isNull() || value.isTextual())) {
                return Responses.json(400, Map.of("error", "BAD_WATERMARK", "message",
                        "send {\"value\": \"<watermark>\" or null to read from the start, \"reason\": \"why\"}"));
            }
            String newValue = value.isNull() ? null : value.asText();
            ledger.setWatermark(id, newValue, registry.clock().instant(), "set by " + op.name() + ": " + reason);
            LOG.info("Watermark of connector {} set to {} by {}: {}", id, newValue, op.name(), reason);
            List<WatermarkChange> log = ledger.watermarkLog(id, 1);
            return Responses.json(200, log.get(0));
        }));
    }

    @POST
    @Path("{id}/pause")
    public Response pause(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return Responses.guarded(() -> OperatorAccess.withOperator(backend, authorization, true, (op, registry, ledger) -> {
            if (registry.find(id).isEmpty()) {
                return notFound(id);
            }
            LOG.info("Connector {} paused by {}", id, op.name());
            registry.pause(id);
            return Responses.json(200, Map.of("id", id, "state", "PAUSED"));
        }));
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return Responses.guarded(() -> OperatorAccess.withOperator(backend, authorization, true, (op, registry, ledger) -> {
            if (registry.find(id).isEmpty()) {
                return notFound(id);
            }
            LOG.info("Connector {} resumed by {}", id, op.name());
            registry.resume(id);
            return Responses.json(200, Map.of("id", id, "state", "RUNNING"));
        }));
    }

    /** A department pushes records to its push connector, with its bearer token. */
    @POST
    @Path("{id}/records")
    @Consumes(MediaType.WILDCARD)
    public Response push(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("id") String id, InputStream body) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept == null) {
                return Responses.unauthorized();
            }
            IngestGateway gateway = backend.gateway().orElse(null);
            if (gateway == null) {
                return Responses.coreDown();
            }
            Optional<ConnectorInstance> i = gateway.connectors().find(id);
            if (i.isEmpty() || !i.get().descriptor().department().equals(dept.id())) {
                // another department's connector answers like a missing one
                return notFound(id);
            }
            return Responses.readJson(backend, contentType, body,
                    json -> Responses.json(200, GatewayApi.summary(gateway.push(id, json))));
        });
    }

    private static Response notFound(String id) {
        return Responses.json(404, Map.of("error", "NOT_FOUND", "message", "no connector " + id
                + "; GET /api/v1/connectors lists them"));
    }
}
