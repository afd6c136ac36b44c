package org.creditgate.core.shell;

import java.util.Optional;

import org.creditgate.core.connectors.ConnectorInstance;
import org.creditgate.core.delivery.RoutingTable;
import org.creditgate.core.ingest.IngestGateway;
import org.creditgate.spi.ConnectorKind;

/**
 * What pause, resume and drain act on: a connector by its id, else an upstream platform by its id (its lanes).
 * Connector ids carry their type ({@code envelope-province}), upstream ids do not ({@code province}), so one
 * argument names either without a flag.
 */
record Target(String id, ConnectorInstance connector) {

    static Target resolve(IngestGateway gateway, RoutingTable routing, String id) {
        Optional<ConnectorInstance> connector = gateway.connectors().find(id);
        if (connector.isPresent()) {
            return new Target(id, connector.get());
        }
        if (!gateway.connectors().laneRoutes(id).isEmpty() || knownUpstream(routing, id)) {
            return new Target(id, null);
        }
        throw new IllegalArgumentException("no connector or upstream " + id
                + " (creditgate:connectors and creditgate:upstreams list them)");
    }

    boolean isUpstream() {
        return connector == null;
    }

    /** The upstream a drain waits for: this one, or the one a sink connector delivers to. */
    Optional<String> upstream() {
        if (connector == null) {
            return Optional.of(id);
        }
        return connector.descriptor().kind() == ConnectorKind.SINK ? Optional.of(connector.descriptor().department())
                : Optional.empty();
    }

    private static boolean knownUpstream(RoutingTable routing, String id) {
        try {
            return routing.current().upstreams().containsKey(id);
        } catch (IllegalStateException invalidTable) {
            return false;
        }
    }
}
