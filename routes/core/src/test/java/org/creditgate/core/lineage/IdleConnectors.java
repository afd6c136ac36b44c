package org.creditgate.core.lineage;

import org.apache.camel.RoutesBuilder;
import org.creditgate.spi.ConnectorContext;
import org.creditgate.spi.ConnectorDescriptor;
import org.creditgate.spi.ConnectorKind;
import org.creditgate.spi.GatewayConnector;

/** Connectors that only describe themselves: for a registry without a CamelContext, which never starts them. */
public final class IdleConnectors {

    private IdleConnectors() {
    }

    public static GatewayConnector of(ConnectorKind kind, String type, String department) {
        ConnectorDescriptor d = ConnectorDescriptor.of(type, kind, "dev", department, null);
        return new GatewayConnector() {
            @Override
            public ConnectorDescriptor descriptor() {
                return d;
            }

            @Override
            public RoutesBuilder routes(ConnectorContext context) {
                throw new UnsupportedOperationException("never started: the registry has no CamelContext here");
            }
        };
    }
}
