package org.creditgate.core.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code POST /api/v1/expiry/run} (role manager or admin): runs the daily expiry job now, as the scheduled run would,
 * and answers its summary (counts and the EXPIRED shields issued). Idempotent: a second run issues nothing new.
 */
@Path("/expiry")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ExpiryApi {

    private final GatewayApi.Backend backend;

    ExpiryApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @POST
    @Path("run")
    @Consumes(MediaType.WILDCARD)
    public Response run(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, true, (op, gateway, ledger) ->
                Responses.json(200, gateway.expiry().run("operator " + op.name()))));
    }
}
