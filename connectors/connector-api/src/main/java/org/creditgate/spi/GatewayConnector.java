package org.creditgate.spi;

import java.util.Optional;

import org.apache.camel.RoutesBuilder;

/**
 * The connector SPI (after camel-karaf's {@code CamelRouteSupplier}): a connector bundle registers this as an OSGi
 * service, one per configured instance, and the core's connector registry adds its routes to the gateway's
 * CamelContext when it appears and removes them, after in-flight exchanges finished, when it goes.
 *
 * <p>Implementations are normally DS components with {@code configurationPolicy = REQUIRE} on the factory PID
 * {@code org.creditgate.connector.<type>}; see {@link ConfiguredConnector}.
 */
public interface GatewayConnector {

    /** Service property carrying the instance id, for filters and the shell. */
    String ID_PROPERTY = "creditgate.connector.id";

    ConnectorDescriptor descriptor();

    /**
     * Why this instance cannot run (a missing or invalid configuration key, naming the PID and the key), or empty.
     * A connector with a problem registers anyway, so health shows it as DOWN with the reason; the registry
     * never asks it for routes.
     */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /**
     * The routes of this instance. Every route id must start with {@link ConnectorDescriptor#routePrefix()}; the
     * registry refuses the connector otherwise.
     */
    RoutesBuilder routes(ConnectorContext context);
}
