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
        return guarded(() -> {
            Department dept = authenticate(authorization);
            if (dept == null) {
                return unauthorized();
            }
            if (!isJson(contentType)) {
                return json(415, ApiJson.error("UNSUPPORTED_MEDIA_TYPE",
                        "send the records as Content-Type: application/json (UTF-8); got " + contentType));
            }
            byte[] bytes = BoundedBody.read(body, backend.maxRequestBytes());
            if (bytes == null) {
                return json(413, ApiJson.error("REQUEST_TOO_LARGE", "the request body exceeds "
                        + backend.maxRequestBytes() + " bytes (ingest.maxRequestBytes); split it into smaller batches"));
            }
            JsonNode parsed;
            try {
                parsed = ApiJson.read(bytes);
            } catch (ApiJson.MalformedJsonException e) {
                return json(400, ApiJson.error("MALFORMED_JSON", e.getMessage()));
            }
            IngestGateway gateway = backend.gateway().orElse(null);
            if (gateway == null) {
                return json(503, ApiJson.error("UNAVAILABLE", "the gateway core is not running; nothing was stored. "
                        + "Retry later; GET /api/v1/health says why"));
            }
            IngestResult result = gateway.ingest(new IngestRequest(dept.id(), "rest", parsed));
            return json(200, ApiJson.write(summary(result)));
        });
    }

    @GET
    @Path("records/{recordId}")
    public Response record(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("recordId") String recordId) {
        return guarded(() -> {
            Department dept = authenticate(authorization);
            if (dept == null) {
                return unauthorized();
            }
            Ledger ledger = backend.ledger().orElse(null);
            if (ledger == null) {
                return json(503, ApiJson.error("UNAVAILABLE", "the ledger is not running; GET /api/v1/health says why"));
            }
            Optional<RecordHead> head = ledger.head(recordId);
            // another department's record answers exactly like a missing one: existence is not disclosed
            if (head.isEmpty() || !head.get().department().equals(dept.id())) {
                return json(404, ApiJson.error("NOT_FOUND", "no record " + recordId + " from department " + dept.id()));
            }
            return json(200, ApiJson.write(RecordView.of(ledger, head.get())));
        });
    }

    @GET
    @Path("rejections")
    public Response rejections(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("department") String department, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return guarded(() -> {
            Department dept = authenticate(authorization);
            if (dept == null) {
                return unauthorized();
            }
            if (department != null && !department.isBlank() && !department.equals(dept.id())) {
                return json(403, ApiJson.error("FORBIDDEN", "department " + dept.id()
                        + " may list only its own rejections, not those of " + department));
            }
            if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
                return json(400, ApiJson.error("BAD_PAGE", "offset must be ≥ 0 and limit between 1 and " + MAX_PAGE));
            }
            Ledger ledger = backend.ledger().orElse(null);
            if (ledger == null) {
                return json(503, ApiJson.error("UNAVAILABLE", "the ledger is not running; GET /api/v1/health says why"));
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
            return json(200, ApiJson.write(page));
        });
    }

    /** Readiness: 200 when every component is UP, else 503; always lists each component with its reason. */
    @GET
    @Path("health")
    public Response health() {
        return guarded(() -> {
            HealthReport report = backend.health().report();
            return json(report.isUp() ? 200 : 503, ApiJson.write(report));
        });
    }

    /** Liveness: the process answers HTTP. */
    @GET
    @Path("health/live")
    public Response live() {
        return json(200, ApiJson.write(Map.of("status", "UP")));
    }

    private Department authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return backend.departments().authenticate(authorization.substring(7)).orElse(null);
    }

    private static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"creditgate\"")
                .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(ApiJson.error("UNAUTHENTICATED", "send your department's token as \"Authorization: Bearer "
                        + "<token>\"; the token given is missing or unknown. Nothing was stored"))
                .build();
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String ct = contentType.toLowerCase();
        return ct.startsWith("application/json") && (!ct.contains("charset=") || ct.contains("charset=utf-8"));
    }

    private static Map<String, Object> summary(IngestResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("received", result.results().size());
        m.put("accepted", result.count(IngestStatus.ACCEPTED));
        m.put("alreadyAccepted", result.count(IngestStatus.ALREADY_ACCEPTED));
        m.put("rejected", result.count(IngestStatus.REJECTED));
        m.put("results", result.results());
        return m;
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(body).build();
    }

    private interface Action {
        Response run() throws IOException;
    }

    /** Maps every failure to a JSON answer; an unexpected one gets an incident id that is also in the log. */
    private static Response guarded(Action action) {
        try {
            return action.run();
        } catch (IngestException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("Push not processed ({}): {}", e.code(), e.getMessage());
            }
            return json(e.httpStatus(), ApiJson.error(e.code(), e.getMessage()));
        } catch (IOException e) {
            return json(400, ApiJson.error("UNREADABLE_BODY", "the request body could not be read: " + e.getMessage()));
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected failure, incident {}", incident, e);
            return json(500, ApiJson.error("INTERNAL", "the gateway failed unexpectedly; nothing was answered "
                    + "ACCEPTED by this request. Incident " + incident + " is in the gateway log"));
        }
    }
}
