package org.creditgate.core.rest;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code GET /api/v1/schedules}: each upstream's push window — its schedule, open or not (and whether catching up a
 * missed one), when it closes, the next opening, the last opening served, whether this node leads the schedules,
 * and the lane routes it governs.
 */
@Path("/schedules")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SchedulesApi {

    private final GatewayApi.Backend backend;

    SchedulesApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                Responses.json(200, gateway.pushWindows().status())));
    }
}
