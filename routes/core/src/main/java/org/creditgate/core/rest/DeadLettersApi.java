package org.creditgate.core.rest;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.delivery.DeadLetters;

/**
 * Each upstream's dead-letter queue under /api/v1/dlq/{upstream}: the letters with their error class and reason,
 * and replay (dry run by default, rate-limited, audited with the operator and a required reason).
 */
@Path("/dlq")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class DeadLettersApi {

    private static final int MAX_RATE = 100;
    private final GatewayApi.Backend backend;

    DeadLettersApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    @Path("{upstream}")
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("upstream") String upstream, @QueryParam("errorClass") String errorClass,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
            DeadLetters.Filter filter = new DeadLetters.Filter(blank(errorClass), instant(from, "from"), instant(to, "to"));
            return Responses.json(200, Map.of("upstream", upstream, "queue", DeadLetters.queue(upstream),
                    "letters", gateway.deadLetters().list(upstream, filter)));
        }));
    }

    /** Body: {@code {"reason": "…", "errorClass"?, "from"?, "to"?, "dryRun"? (default true), "perSecond"? (10)}}. */
    @POST
    @Path("{upstream}/replay")
    @Consumes(MediaType.WILDCARD)
    public Response replay(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @PathParam("upstream") String upstream,
            InputStream body) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, true, (op, gateway, ledger) ->
                Responses.readJson(backend, contentType, body, json -> {
                    String reason = json.path("reason").asText("").strip();
                    int rate = json.path("perSecond").asInt(10);
                    if (reason.isEmpty() || rate < 1 || rate > MAX_RATE) {
                        return Responses.json(400, ApiJson.error("BAD_REPLAY", "send {\"reason\": \"why\", "
                                + "\"errorClass\": VALIDATION|TRANSIENT|POISON (optional), \"from\"/\"to\": ISO instants "
                                + "(optional), \"dryRun\": true|false (default true), \"perSecond\": 1-" + MAX_RATE + "}"));
                    }
                    DeadLetters.Filter filter = new DeadLetters.Filter(text(json, "errorClass"),
                            instant(text(json, "from"), "from"), instant(text(json, "to"), "to"));
                    return Responses.json(200, gateway.deadLetters().replay(upstream, filter,
                            json.path("dryRun").asBoolean(true), rate, op.name(), reason));
                })));
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? blank(json.get(field).asText()) : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new org.creditgate.spi.ingest.IngestException(400, "BAD_TIME", field + " must be an ISO instant such "
                    + "as 2026-11-30T00:00:00Z, got " + text);
        }
    }
}
