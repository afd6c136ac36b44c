package org.creditgate.core.rest;

import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.creditgate.core.auth.UpstreamPlatform;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.core.shield.ShieldIssuer;
import org.creditgate.core.shield.UpstreamRepairs;
import org.creditgate.ledger.Ledger;

/**
 * The upstream platforms' API under /api/v1/upstreams: {@code POST /{upstream}/shields} takes a repair the platform
 * did itself (see {@link UpstreamRepairs} for the body), authenticated with the platform's own bearer token
 * (org.creditgate.upstreams.cfg), which is valid only for its own path.
 *
 * <p>Plain JSON rather than the §7.2 exchange envelope: the envelope is what the gateway sends upstream (and each
 * platform has its own variant: REST batches, SOAP, files), while this is one small document per repair whose
 * idempotency key is the platform's own repair id; one contract for every platform, and a platform-specific
 * translator can be put in front of it by that platform's connector.
 */
@Path("/upstreams")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class UpstreamsApi {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private final GatewayApi.Backend backend;

    UpstreamsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @POST
    @Path("{upstream}/shields")
    @Consumes(MediaType.WILDCARD)
    public Response repair(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("upstream") String upstream,
            InputStream body) {
        return Responses.guarded(() -> {
            UpstreamPlatform platform = authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? null : backend.upstreams().authenticate(authorization.substring(7)).orElse(null);
            if (platform == null) {
                return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"creditgate\"")
                        .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                        .entity(ApiJson.error("UNAUTHENTICATED", "send your platform's token as \"Authorization: "
                                + "Bearer <token>\"; the token given is missing or unknown. Nothing was stored"))
                        .build();
            }
            if (!platform.id().equals(upstream)) {
                return Responses.json(403, ApiJson.error("FORBIDDEN", "platform " + platform.id()
                        + " may report only its own repairs, under /upstreams/" + platform.id() + "/shields"));
            }
            return Responses.readJson(backend, contentType, body, parsed -> {
                IngestGateway gateway = backend.gateway().orElse(null);
                Ledger ledger = backend.ledger().orElse(null);
                if (gateway == null || ledger == null) {
                    return Responses.coreDown();
                }
                UpstreamRepairs.Answer answer = new UpstreamRepairs(ledger, new ShieldIssuer(gateway::ingest,
                        Clock.systemUTC(), BEIJING)).receive(platform, parsed);
                return Responses.json(answer.status(), answer.body());
            });
        });
    }
}
