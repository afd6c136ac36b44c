package org.creditgate.core.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.creditgate.core.alert.Alert;
import org.creditgate.core.alert.Alert.AlertClass;
import org.creditgate.core.alert.Alerts;

/**
 * {@code GET /api/v1/alerts[?class=SHIELD_OVERDUE][&limit=100]} (operator login, any role): the last alerts this
 * node raised, newest first — the same JSON objects as on the {@code creditgate.alerts} address. Kept in memory
 * (alerts.keep); the address and the webhook are the durable record.
 */
@Path("/alerts")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class AlertsApi {

    private static final int DEFAULT_LIMIT = 100;

    private final GatewayApi.Backend backend;

    AlertsApi(GatewayApi.Backend backend) {
        this.backend = backend;
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("class") String alertClass, @QueryParam("limit") Integer limit) {
        return Responses.guarded(() -> OperatorAccess.withGateway(backend, authorization, false, (op, gateway, ledger) -> {
            AlertClass only = null;
            if (alertClass != null && !alertClass.isBlank()) {
                try {
                    only = AlertClass.valueOf(alertClass.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return Responses.json(400, Map.of("error", "BAD_CLASS", "field", "class", "message",
                            "class must be one of " + List.of(AlertClass.values())));
                }
            }
            if (limit != null && limit < 1) {
                return Responses.json(400, Map.of("error", "BAD_LIMIT", "field", "limit", "message",
                        "limit must be at least 1"));
            }
            Alerts alerts = gateway.alerts();
            List<Map<String, Object>> views = alerts.recent(only, limit == null ? DEFAULT_LIMIT : limit).stream()
                    .map(Alert::view).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("count", views.size());
            body.put("pendingPublish", alerts.pending());
            body.put("alerts", views);
            return Responses.json(200, body);
        }));
    }
}
