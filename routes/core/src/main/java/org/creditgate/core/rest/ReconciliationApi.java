package org.creditgate.core.rest;

import java.util.Map;
import java.util.regex.Pattern;

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

import org.creditgate.core.reconcile.ReconciliationReport;
import org.creditgate.core.reconcile.ReportFormats;
import org.creditgate.core.reconcile.ReportJson;

/**
 * Reconciliation with the upstreams under /api/v1/reconciliation: the latest report of every upstream, one
 * upstream's latest as JSON, CSV or HTML ({@code ?format=}), and run-now (role manager or admin).
 */
@Path("/reconciliation")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ReconciliationApi {

    private static final Pattern UPSTREAM = Pattern.compile("[a-z0-9-]{1,32}");
    private final GatewayApi.Backend backend;

    ReconciliationApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response latest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                Responses.json(200, Map.of("reports", gateway.reconciler().latest()))));
    }

    @GET
    @Path("{upstream}")
    @Produces({MediaType.APPLICATION_JSON + ";charset=UTF-8", "text/csv;charset=UTF-8", MediaType.TEXT_HTML
            + ";charset=UTF-8"})
    public Response report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("upstream") String upstream, @QueryParam("format") String format) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
            String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
            if (!f.equals("json") && !f.equals("csv") && !f.equals("html")) {
                return Responses.json(400, ApiJson.error("BAD_FORMAT", "format must be json, csv or html"));
            }
            if (!UPSTREAM.matcher(upstream).matches()) {
                return notFound(upstream);
            }
            return gateway.reconciler().latest(upstream).map(r -> render(r, f)).orElseGet(() -> notFound(upstream));
        }));
    }

    @POST
    @Path("{upstream}/run")
    @Consumes(MediaType.WILDCARD)
    public Response run(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("upstream") String upstream) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, true, (op, gateway, ledger) -> {
            if (!UPSTREAM.matcher(upstream).matches()) {
                return notFound(upstream);
            }
            return Responses.json(200, ReportJson.write(gateway.reconciler().run(upstream, "operator " + op.name())));
        }));
    }

    private static Response render(ReconciliationReport r, String format) {
        return switch (format) {
            case "csv" -> Response.ok(ReportFormats.csv(r), "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"reconciliation-" + r.upstream() + ".csv\"")
                    .build();
            case "html" -> Response.ok(ReportFormats.html(r), MediaType.TEXT_HTML + ";charset=UTF-8")
                    .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'").build();
            default -> Responses.json(200, ReportJson.write(r));
        };
    }

    private static Response notFound(String upstream) {
        return Responses.json(404, ApiJson.error("NO_REPORT", "no reconciliation report for upstream '"
                + (UPSTREAM.matcher(upstream).matches() ? upstream : "?") + "' yet; POST /api/v1/reconciliation/"
                + "{upstream}/run makes one"));
    }
}
