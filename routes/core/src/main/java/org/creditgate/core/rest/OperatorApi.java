package org.creditgate.core.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * {@code GET /operator}: who is logged in ({@code name}, {@code roles} sorted, {@code canOperate}), so the console
 * can offer only what the operator may do. Answers without the core running: it needs the login only.
 */
@Path("/operator")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class OperatorApi {

    private final GatewayApi.Backend backend;

    OperatorApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response me(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.guarded(() -> OperatorAccess.withLogin(backend, authorization, op -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", op.name());
            m.put("roles", op.roles().stream().sorted().toList());
            m.put("canOperate", op.canOperate());
            return Responses.json(200, m);
        }));
    }
}
