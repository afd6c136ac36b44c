package org.creditgate.core.rest;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code GET /api/v1/deadlines[?department=]}: 双公示 records at risk or overdue, per department. */
@Path("/deadlines")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DeadlinesApi {

    private final GatewayApi.Backend backend;

    DeadlinesApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("department") String department) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) ->
                Responses.json(200, gateway.deadlines().report(department == null || department.isBlank() ? null
                        : department.strip()))));
    }
}
