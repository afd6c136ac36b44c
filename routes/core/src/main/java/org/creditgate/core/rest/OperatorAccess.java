package org.creditgate.core.rest;

import java.util.Map;
import java.util.Optional;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.creditgate.core.auth.Operator;
import org.creditgate.core.connectors.ConnectorRegistry;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.ledger.Ledger;

/** Operator endpoints: Karaf JAAS login (HTTP Basic); viewer reads, manager or admin act. */
final class OperatorAccess {

    private OperatorAccess() {
    }

    interface OperatorAction {
        Response run(Operator op, IngestGateway gateway, Ledger ledger) throws Exception;
    }

    interface RegistryAction {
        Response run(Operator op, ConnectorRegistry registry, Ledger ledger) throws Exception;
    }

    static Response withOperator(GatewayApi.Backend backend, String authorization, boolean write,
            RegistryAction action) throws Exception {
        return withGateway(backend, authorization, write, (op, gateway, ledger) -> action.run(op, gateway.connectors(),
                ledger));
    }

    static Response withGateway(GatewayApi.Backend backend, String authorization, boolean write,
            OperatorAction action) throws Exception {
        return withLogin(backend, authorization, op -> {
            if (write && !op.canOperate()) {
                return Responses.json(403, Map.of("error", "FORBIDDEN", "message", "user " + op.name()
                        + " may look but not change: role manager or admin required"));
            }
            IngestGateway gateway = backend.gateway().orElse(null);
            Ledger ledger = backend.ledger().orElse(null);
            if (gateway == null || ledger == null) {
                return Responses.coreDown();
            }
            return action.run(op, gateway, ledger);
        });
    }

    interface LoginAction {
        Response run(Operator op) throws Exception;
    }

    /** Only the login (any operator role), for answers that need neither the core nor the ledger. */
    static Response withLogin(GatewayApi.Backend backend, String authorization, LoginAction action) throws Exception {
        Optional<Operator> op = backend.operators().authenticate(authorization);
        if (op.isEmpty() || !op.get().canRead()) {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"creditgate\"")
                    .type(MediaType.APPLICATION_JSON + ";charset=UTF-8")
                    .entity(ApiJson.error("UNAUTHENTICATED", "operator login required (HTTP Basic, a Karaf user with "
                            + "role viewer, manager or admin)")).build();
        }
        return action.run(op.get());
    }
}
