package org.creditgate.core.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditgate.core.auth.Department;
import org.creditgate.spi.ingest.IngestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers every resource of the API shares: JSON bodies, the error shape, authentication refusals. */
final class Responses {

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {
    }

    interface Action {
        Response run() throws Exception;
    }

    interface JsonAction {
        Response run(JsonNode body) throws Exception;
    }

    static Response json(int status, Object body) {
        return json(status, ApiJson.write(body));
    }

    static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON + ";charset=UTF-8").entity(body).build();
    }

    static Department department(GatewayApi.Backend backend, String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return backend.departments().authenticate(authorization.substring(7)).orElse(null);
    }

    static Response unauthorized() {
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"creditgate\"")
                .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                .entity(ApiJson.error("UNAUTHENTICATED", "send your department's token as \"Authorization: Bearer "
                        + "<token>\"; the token given is missing or unknown. Nothing was stored"))
                .build();
    }

    static Response coreDown() {
        return json(503, ApiJson.error("UNAVAILABLE", "the gateway core is not running; nothing was stored. "
                + "Retry later; GET /api/v1/health says why"));
    }

    /** Reads a bounded UTF-8 JSON body and runs the action on it; 415, 413 and 400 name what is wrong. */
    static Response readJson(GatewayApi.Backend backend, String contentType, InputStream body, JsonAction action)
            throws Exception {
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
        return action.run(parsed);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        // the media type exactly (application/jsonp or application/json-seq are other formats), then the charset
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        int semicolon = ct.indexOf(';');
        String mediaType = (semicolon < 0 ? ct : ct.substring(0, semicolon)).strip();
        return mediaType.equals("application/json") && (!ct.contains("charset=") || ct.contains("charset=utf-8"));
    }

    /** Maps every failure to a JSON answer; an unexpected one gets an incident id that is also in the log. */
    static Response guarded(Action action) {
        try {
            return action.run();
        } catch (IngestException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("Push not processed ({}): {}", e.code(), e.getMessage());
            }
            return json(e.httpStatus(), ApiJson.error(e.code(), e.getMessage()));
        } catch (ApiJson.MalformedJsonException e) {
            return json(400, ApiJson.error("MALFORMED_JSON", e.getMessage()));
        } catch (IOException e) {
            return json(400, ApiJson.error("UNREADABLE_BODY", "the request body could not be read: " + e.getMessage()));
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Unexpected failure, incident {}", incident, e);
            return json(500, ApiJson.error("INTERNAL", "the gateway failed unexpectedly; nothing was answered "
                    + "ACCEPTED by this request. Incident " + incident + " is in the gateway log"));
        }
    }
}
