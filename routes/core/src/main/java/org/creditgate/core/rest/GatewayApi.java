package org.creditgate.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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
import org.creditgate.core.auth.Department;
import org.creditgate.core.auth.DepartmentDirectory;
import org.creditgate.core.auth.OperatorAuthenticator;
import org.creditgate.core.auth.UpstreamDirectory;
import org.creditgate.core.health.HealthReport;
import org.creditgate.core.health.HealthService;
import org.creditgate.spi.ingest.IngestException;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.ingest.IngestRequest;
import org.creditgate.spi.ingest.IngestResult;
import org.creditgate.spi.ingest.IngestStatus;
import org.creditgate.ledger.Ledger;
import org.creditgate.ledger.RecordHead;
import org.creditgate.ledger.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The department-facing API under /api/v1. Every answer is JSON; errors are {@code {"error": CODE, "message":
 * text}} naming what is wrong, never a stack trace.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class GatewayApi {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayApi.class);
    private static final int MAX_PAGE = 500;

    /** What the API needs from the running gateway; parts may be absent while they (re)start. */
    interface Backend {
        DepartmentDirectory departments();

        HealthService health();

        Optional<IngestGateway> gateway();

        Optional<Ledger> ledger();

        long maxRequestBytes();

        OperatorAuthenticator operators();

        /** The upstream platforms that may push their own repairs (none unless configured). */
        default UpstreamDirectory upstreams() {
            return new UpstreamDirectory(java.util.Map.of());
        }
    }

    private final Backend backend;

    GatewayApi(Backend backend) {
        this.backend = backend;
    }

    @POST
    @Path("records")
    @Consumes(MediaType.WILDCARD)
    public Response push(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept == null) {
                return Responses.unauthorized();
            }
            return Responses.readJson(backend, contentType, body, parsed -> {
                IngestGateway gateway = backend.gateway().orElse(null);
                if (gateway == null) {
                    return Responses.coreDown();
                }
                IngestResult result = gateway.ingest(new IngestRequest(dept.id(), "rest", parsed));
                return Responses.json(200, summary(result));
            });
        });
    }

    @GET
    @Path("records/{recordId}")
    public Response record(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("recordId") String recordId) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept == null) {
                return Responses.unauthorized();
            }
            Ledger ledger = backend.ledger().orElse(null);
            if (ledger == null) {
                return Responses.json(503, ApiJson.error("UNAVAILABLE", "the ledger is not running; GET /api/v1/health says why"));
            }
            Optional<RecordHead> head = ledger.head(recordId);
            // another department's record answers exactly like a missing one: existence is not disclosed
            if (head.isEmpty() || !RecordView.owner(ledger, head.get()).equals(dept.id())) {
                return Responses.json(404, ApiJson.error("NOT_FOUND", "no record " + recordId + " from department " + dept.id()));
            }
            return Responses.json(200, RecordView.of(ledger, head.get()));
        });
    }

    @GET
    @Path("rejections")
    public Response rejections(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("department") String department, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return Responses.guarded(() -> {
            Department dept = Responses.department(backend, authorization);
            if (dept == null) {
                return Responses.unauthorized();
            }
            if (department != null && !department.isBlank() && !department.equals(dept.id())) {
                return Responses.json(403, ApiJson.error("FORBIDDEN", "department " + dept.id()
                        + " may list only its own rejections, not those of " + department));
            }
            if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
                return Responses.json(400, ApiJson.error("BAD_PAGE", "offset must be ≥ 0 and limit between 1 and " + MAX_PAGE));
            }
            Ledger ledger = backend.ledger().orElse(null);
            if (ledger == null) {
                return Responses.json(503, ApiJson.error("UNAVAILABLE", "the ledger is not running; GET /api/v1/health says why"));
            }
            List<Map<String, Object>> items = new ArrayList<>();
            for (Rejection r : ledger.rejections(dept.id(), offset, limit)) {
                items.add(RecordView.rejection(r));
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("department", dept.id());
            page.put("offset", offset);
            page.put("limit", limit);
            page.put("rejections", items);
            return Responses.json(200, page);
        });
    }

    /**
     * Overall health with every component and the reason for each one not UP; 200 when ready (UP or DEGRADED: only
     * connectors or upstreams are not UP), else 503.
     */
    @GET
    @Path("health")
    public Response health() {
        return Responses.guarded(() -> {
            HealthReport report = backend.health().report();
            return Responses.json(report.isReady() ? 200 : 503, ApiJson.write(report));
        });
    }

    /**
     * Readiness: can this gateway take records now — ledger, broker, core routes and cluster member UP. A department's
     * connector or an upstream being DOWN does not make it unready: the others' records still flow.
     */
    @GET
    @Path("health/ready")
    public Response ready() {
        return Responses.guarded(() -> {
            HealthReport report = backend.health().report();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", report.isReady() ? "UP" : "DOWN");
            body.put("notReady", report.components().stream().filter(c -> !c.isUp()
                    && !c.component().startsWith(HealthReport.CONNECTOR_PREFIX)
                    && !c.component().startsWith(HealthReport.UPSTREAM_PREFIX)).toList());
            return Responses.json(report.isReady() ? 200 : 503, body);
        });
    }

    /**
     * Liveness: is the process sane — it answers HTTP, its CamelContext is not stopped, its health checks still run.
     * A database, broker or connector being down is not a liveness failure: restarting the process would not fix it.
     */
    @GET
    @Path("health/live")
    public Response live() {
        return Responses.guarded(() -> {
            java.util.Optional<String> problem = backend.gateway().flatMap(IngestGateway::liveness);
            return problem.map(p -> Responses.json(503, Map.of("status", "DOWN", "reason", p)))
                    .orElseGet(() -> Responses.json(200, Map.of("status", "UP")));
        });
    }

    static Map<String, Object> summary(IngestResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", result.results().size());
        m.put("accepted", result.count(IngestStatus.ACCEPTED));
        m.put("alreadyAccepted", result.count(IngestStatus.ALREADY_ACCEPTED));
        m.put("rejected", result.count(IngestStatus.REJECTED));
        m.put("results", result.results());
        return m;
    }

}
