package org.creditgate.core.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;

import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.metrics.GatewayMetrics;

/**
 * GET /api/v1/metrics: every metric in Prometheus text format (0.0.4), for a Prometheus scrape job. Open like health
 * (counts and states only: no record content, no personal data); the HTTP port listens on loopback by default.
 */
@Path("/metrics")
public class MetricsApi {

    private final GatewayApi.Backend backend;

    MetricsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response scrape() {
        return Responses.guarded(() -> backend.gateway().flatMap(IngestGateway::metrics)
                .map(m -> Response.ok(m.scrape(), GatewayMetrics.contentType()).build())
                .orElseGet(Responses::coreDown));
    }
}
